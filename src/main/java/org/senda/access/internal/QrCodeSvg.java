package org.senda.access.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * A QR code as inline SVG, drawn on the server: one path of dark modules, no script, no style attribute (the
 * Content-Security-Policy allows neither), so it shows with JavaScript off.
 */
final class QrCodeSvg {

  private static final int QUIET_ZONE = 4;

  private QrCodeSvg() {}

  /** The SVG markup for {@code text}; {@code label} is what a screen reader announces. */
  static String render(String text, String label) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot draw a QR code for this text", e);
    }
    int size = matrix.getWidth() + 2 * QUIET_ZONE;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"senda-qr-code\" role=\"img\" aria-label=\""
        + HtmlUtils.htmlEscape(label) + "\" viewBox=\"0 0 " + size + " " + size + "\" width=\"" + size * 5
        + "\" height=\"" + size * 5 + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\""
        + size + "\" fill=\"#ffffff\"/><path fill=\"#0b0c0c\" d=\"" + path + "\"/></svg>";
  }

  /** A Base32 secret in groups of four characters, as people read it aloud or type it. */
  static String grouped(String secret) {
    return secret.replaceAll("(.{4})(?!$)", "$1 ");
  }
}
