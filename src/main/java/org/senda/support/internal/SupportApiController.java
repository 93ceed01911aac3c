package org.senda.support.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Pupil passports and the plain-language check over the JSON API. */
@RestController
@RequestMapping("/api/v1")
class SupportApiController {

  record PassportJson(long pupilId, int version, @Nullable String likedAndAdmired, @Nullable String importantToMe,
      @Nullable String howBestToSupportMe, @Nullable String findHard, @Nullable String hopes,
      @Nullable LocalDate pupilContributedOn, Instant updatedAt, List<ImageJson> images) {

    static PassportJson of(Passport p) {
      return new PassportJson(p.pupilId(), p.number(), p.likedAndAdmired(), p.importantToMe(),
          p.howBestToSupportMe(), p.findHard(), p.hopes(), p.pupilContributedOn(), p.createdAt(),
          p.images().stream().map(i -> new ImageJson(i.id(), i.altText(), "/support/passport-images/" + i.id()))
              .toList());
    }
  }

  record ImageJson(long id, String altText, String href) {}

  record PassportRequest(@Nullable String likedAndAdmired, @Nullable String importantToMe,
      @Nullable String howBestToSupportMe, @Nullable String findHard, @Nullable String hopes,
      @Nullable LocalDate pupilContributedOn, @Nullable Integer version) {}

  record CheckRequest(@Nullable String text, @Nullable Long schoolId) {}

  record CheckJson(double readingEase, String band, int words, int sentences, List<PlainLanguage.Term> jargon) {}

  private final PassportService passports;
  private final Glossary glossary;
  private final Permissions permissions;
  private final SupportPdfs pdfs;

  SupportApiController(PassportService passports, Glossary glossary, Permissions permissions, SupportPdfs pdfs) {
    this.pdfs = pdfs;
    this.passports = passports;
    this.glossary = glossary;
    this.permissions = permissions;
  }

  @GetMapping("/pupils/{pupilId}/passport")
  PassportJson passport(@PathVariable long pupilId) {
    return passports.current(pupilId).map(PassportJson::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This pupil has no passport yet."));
  }

  /**
   * Saves the next version. {@code version} is the version the change is based on (0 or absent for the first); a
   * save based on an older version is refused with 409 so that nothing is lost.
   */
  @PutMapping("/pupils/{pupilId}/passport")
  PassportJson savePassport(@PathVariable long pupilId, @RequestBody PassportRequest request) {
    int basedOn = request.version() != null ? request.version()
        : passports.current(pupilId).map(Passport::number).orElse(0);
    return PassportJson.of(passports.save(pupilId, basedOn, new PassportDraft(request.likedAndAdmired(),
        request.importantToMe(), request.howBestToSupportMe(), request.findHard(), request.hopes(),
        request.pupilContributedOn())));
  }

  /** The current passport on one A4 page. */
  @GetMapping("/pupils/{pupilId}/passport/pdf")
  org.springframework.http.ResponseEntity<byte[]> passportPdf(@PathVariable long pupilId) {
    return SupportPdfs.response(pdfs.passport(pupilId));
  }

  @PostMapping("/plain-language/check")
  CheckJson check(@RequestBody CheckRequest request) {
    Long schoolId = request.schoolId();
    if (schoolId != null) {
      permissions.requireSchool(schoolId);
    } else {
      Set<Long> schools = permissions.current().visibleSchoolIds();
      schoolId = schools.size() == 1 ? schools.iterator().next() : null;
    }
    String text = request.text() == null ? "" : request.text();
    if (text.length() > 20_000) {
      throw new PlanInvalid(List.of(new Finding("text", "Check at most 20,000 characters at a time", true)));
    }
    PlainLanguage.Result result = PlainLanguage.check(text, glossary.terms(schoolId));
    return new CheckJson(result.readingEase(), result.band(), result.words(), result.sentences(), result.jargon());
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(PlanInvalid.class)
  ProblemDetail invalid(PlanInvalid e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
        "Some values are missing or not valid. Nothing was saved.");
    problem.setTitle("Invalid request");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", e.findings().stream()
        .map(f -> java.util.Map.of("field", f.field(), "message", f.message())).toList());
    return problem;
  }
}
