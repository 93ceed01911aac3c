package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/** The optional photo on a pupil's record: checked uploads, need to know, no caching, audit. */
@SendaTest
class PupilPhotoIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  long school() {
    return accounts.schoolIds().get(1);
  }

  /** A pupil the school's demo teacher neither teaches nor supports, with no photo yet. */
  Map<String, Object> notTaught() {
    DemoAccounts.Account teacher = accounts.get("TEACHER", school());
    return jdbc.sql("""
        select p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname from pupil p
        where p.school_id = ? and p.leaving_date is null
          and (p.class_id is null or p.class_id not in (select cs.class_id from class_staff cs
            join staff s on s.id = cs.staff_id where lower(s.email) = ?))
          and p.id not in (select pss.pupil_id from pupil_support_staff pss join staff s on s.id = pss.staff_id
            where lower(s.email) = ?)
          and not exists (select 1 from pupil_photo ph where ph.pupil_id = p.id)
        order by p.id desc limit 1""")
        .params(school(), teacher.email(), teacher.email()).query().singleRow();
  }

  static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  long audited(String action, long pupilId) {
    return jdbc.sql("select count(*) from audit_entry where record_type = 'pupil-photo' and action = ?"
        + " and record_id = ?").params(action, String.valueOf(pupilId)).query(Long.class).single();
  }

  @Test
  void theSencoAddsAPhotoOnlyPeopleWhoSeeThePupilGetItAndItCanBeRemoved() throws IOException {
    Map<String, Object> row = notTaught();
    long pupilId = ((Number) row.get("id")).longValue();
    String name = PupilSummary.displayName((String) row.get("legal_forename"), (String) row.get("legal_surname"),
        (String) row.get("preferred_forename"), (String) row.get("preferred_surname"));
    String page = "/schools/" + school() + "/pupils/" + pupilId;
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school()));
    assertThat(senco.get(page).body()).contains("Add a photo (optional)").doesNotContain("id=\"pupil-photo\"");

    // A text file called a PNG, and a PNG that is too large, are refused and nothing is kept.
    senco.postFile(page + "/photo", Map.of(), "photo", "photo.png", "image/png",
        "not a picture at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(senco.get(page).body()).contains("The photo must be a PNG or JPG");
    byte[] large = Arrays.copyOf(png(), 600 * 1024);
    senco.postFile(page + "/photo", Map.of(), "photo", "large.png", "image/png", large);
    assertThat(senco.get(page).body()).contains("The photo must be smaller than 500KB");
    assertThat(senco.get(page + "/photo").status()).isEqualTo(404);

    PageSession.Page saved = senco.postFile(page + "/photo", Map.of(), "photo", "photo.bin",
        "application/octet-stream", png());
    assertThat(saved.status()).isEqualTo(302);
    assertThat(senco.get(page).body()).contains("id=\"pupil-photo\"")
        .contains("alt=\"" + HtmlUtils.htmlEscape(name) + "\"");
    PageSession.Page photo = senco.get(page + "/photo");
    assertThat(photo.status()).isEqualTo(200);
    assertThat(photo.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    assertThat(photo.header("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    assertThat(audited("UPDATE", pupilId)).isOne();
    assertThat(audited("VIEW", pupilId)).isPositive();

    // A teacher of another class, and a SENCO of another school, do not learn that the photo exists.
    PageSession teacher = SESSIONS.of(port, accounts.get("TEACHER", school()));
    assertThat(teacher.get(page + "/photo").status()).isEqualTo(404);
    assertThat(teacher.postFile(page + "/photo", Map.of(), "photo", "p.png", "image/png", png()).status())
        .isEqualTo(404);
    assertThat(teacher.post(page + "/photo/remove", Map.of()).status()).isEqualTo(404);
    PageSession otherSenco = SESSIONS.of(port, accounts.get("SENCO", accounts.schoolIds().get(0)));
    assertThat(otherSenco.get(page + "/photo").status()).isEqualTo(404);

    assertThat(senco.post(page + "/photo/remove", Map.of()).status()).isEqualTo(302);
    assertThat(senco.get(page + "/photo").status()).isEqualTo(404);
    assertThat(audited("DELETE", pupilId)).isOne();
  }

  @Test
  void aTeacherWhoSeesThePupilMayNotChangeThePhoto() throws IOException {
    DemoAccounts.Account account = accounts.get("TEACHER", school());
    long taught = jdbc.sql("""
        select min(p.id) from pupil p join class_staff cs on cs.class_id = p.class_id
        join staff s on s.id = cs.staff_id where lower(s.email) = ? and p.leaving_date is null""")
        .param(account.email()).query(Long.class).single();
    String page = "/schools/" + school() + "/pupils/" + taught;
    PageSession teacher = SESSIONS.of(port, account);
    assertThat(teacher.get(page).status()).isEqualTo(200);
    assertThat(teacher.get(page).body()).doesNotContain("photo-form");
    assertThat(teacher.postFile(page + "/photo", Map.of(), "photo", "p.png", "image/png", png()).status())
        .isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from pupil_photo where pupil_id = ?").param(taught).query(Long.class)
        .single()).isZero();
  }
}
