package org.senda.support.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Plans (with their review records) and passports as accessible, tagged PDFs: PDF/UA with the structure tree
 * (headings, lists, tables in reading order), the document title and language, alt text for pictures, and the
 * Liberation Sans font embedded (metrically the same as Arial, the font the pages use). The templates are XHTML
 * in {@code templates/support/pdf/}.
 */
@Component
class SupportDocuments {

  private static final byte[] REGULAR = font("fonts/LiberationSans-Regular.ttf");
  private static final byte[] BOLD = font("fonts/LiberationSans-Bold.ttf");

  /** Passport font sizes tried in turn until it fits one A4 page. */
  private static final List<Integer> PASSPORT_SIZES = List.of(12, 11, 10, 9, 8, 7);

  private final TemplateEngine templates;

  /** Font metrics parsed once and shared by every render (the largest cost after the first PDF). */
  private final com.openhtmltopdf.extend.impl.FSDefaultCacheStore cache =
      new com.openhtmltopdf.extend.impl.FSDefaultCacheStore();

  SupportDocuments(TemplateEngine templates) {
    this.templates = templates;
  }

  byte[] plan(Map<String, Object> model) {
    return render("support/pdf/plan", model);
  }

  /** The passport on one A4 page: the font shrinks until it fits. */
  byte[] passport(Map<String, Object> model, List<Passport.Image> images, Map<Long, byte[]> imageBytes) {
    Map<Long, String> dataUris = new java.util.HashMap<>();
    for (Passport.Image i : images) {
      byte[] bytes = imageBytes.get(i.id());
      if (bytes != null) {
        dataUris.put(i.id(), "data:" + i.contentType() + ";base64," + Base64.getEncoder().encodeToString(bytes));
      }
    }
    byte[] pdf = null;
    for (int size : PASSPORT_SIZES) {
      Map<String, Object> sized = new java.util.HashMap<>(model);
      sized.put("fontSize", size + "pt");
      sized.put("imageData", dataUris);
      pdf = render("support/pdf/passport", sized);
      if (pages(pdf) == 1) {
        return pdf;
      }
    }
    return pdf;
  }

  static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] render(String template, Map<String, Object> model) {
    String html = templates.process(template, new Context(Locale.UK, model));
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessbility(true);
    builder.useFont(() -> stream(REGULAR), "Liberation Sans", 400, FontStyle.NORMAL, true);
    builder.useFont(() -> stream(BOLD), "Liberation Sans", 700, FontStyle.NORMAL, true);
    builder.withProducer("Senda");
    builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, cache);
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static byte[] font(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The PDF font " + path + " is missing", e);
    }
  }
}
