package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pupil photo over the API: checked uploads, need to know, no caching, record keepers only, audit. */
@SendaTest
class PupilPhotoApiIntegrationTest {

  static final String IMAGE = "image/*, application/problem+json";

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  long school() {
    return accounts.schoolIds().get(1);
  }

  Api api(String role, long schoolId) {
    return new Api(port, accounts.get(role, schoolId).apiToken());
  }

  String photo(long pupilId) {
    return "/api/v1/pupils/" + pupilId + "/photo";
  }

  /** A pupil the school's demo teacher neither teaches nor supports, with no photo yet. */
  long notTaught() {
    DemoAccounts.Account teacher = accounts.get("TEACHER", school());
    return jdbc.sql("""
        select min(p.id) from pupil p
        where p.school_id = ? and p.leaving_date is null
          and (p.class_id is null or p.class_id not in (select cs.class_id from class_staff cs
            join staff s on s.id = cs.staff_id where lower(s.email) = ?))
          and p.id not in (select pss.pupil_id from pupil_support_staff pss join staff s on s.id = pss.staff_id
            where lower(s.email) = ?)
          and not exists (select 1 from pupil_photo ph where ph.pupil_id = p.id)""")
        .params(school(), teacher.email(), teacher.email()).query(Long.class).single();
  }

  static byte[] image(String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  long audited(String action, long pupilId) {
    return jdbc.sql("select count(*) from audit_entry where record_type = 'pupil-photo' and action = ?"
        + " and record_id = ?").params(action, String.valueOf(pupilId)).query(Long.class).single();
  }

  static String error(Api.Response response) {
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("photo");
    return response.json().get("errors").get(0).get("message").asString();
  }

  @Test
  void theSencoPutsAPhotoOnlyPeopleWhoSeeThePupilGetItAndItCanBeDeleted() throws IOException {
    long pupilId = notTaught();
    Api senco = api("SENCO", school());
    assertThat(senco.getBytes(photo(pupilId), IMAGE).status()).isEqualTo(404);

    // Text called a PNG, a PNG that is too large and an empty body are refused, and nothing is kept.
    Api.Response text = senco.send("PUT", photo(pupilId), "image/png",
        "not a picture at all".getBytes(StandardCharsets.UTF_8));
    assertThat(text.status()).isEqualTo(422);
    assertThat(text.contentType()).startsWith("application/problem+json");
    assertThat(error(text)).isEqualTo("The photo must be a PNG or JPG");
    Api.Response large = senco.send("PUT", photo(pupilId), "image/png", Arrays.copyOf(image("png"), 600 * 1024));
    assertThat(large.status()).isEqualTo(422);
    assertThat(error(large)).isEqualTo("The photo must be smaller than 500KB");
    Api.Response nothing = senco.send("PUT", photo(pupilId), "image/png", new byte[0]);
    assertThat(nothing.status()).isEqualTo(422);
    assertThat(error(nothing)).isEqualTo("Send the photo as the body of the request");
    assertThat(senco.getBytes(photo(pupilId), IMAGE).status()).isEqualTo(404);
    assertThat(audited("UPDATE", pupilId)).isZero();

    // The type comes from the first bytes, whatever the Content-Type says.
    byte[] png = image("png");
    Api.Response saved = senco.send("PUT", photo(pupilId), "application/octet-stream", png);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().get("contentType").asString()).isEqualTo("image/png");
    Api.Binary got = senco.getBytes(photo(pupilId), IMAGE);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.bytes()).isEqualTo(png);
    assertThat(got.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    assertThat(got.header("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    assertThat(got.header("X-Content-Type-Options")).contains("nosniff");
    byte[] jpeg = image("jpg");
    assertThat(senco.send("PUT", photo(pupilId), "image/jpeg", jpeg).status()).isEqualTo(200);
    assertThat(senco.getBytes(photo(pupilId), "*/*").header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/jpeg"));
    assertThat(audited("UPDATE", pupilId)).isEqualTo(2);
    assertThat(audited("VIEW", pupilId)).isPositive();

    // A teacher of another class, a governor and a SENCO of another school do not learn that the photo exists.
    for (Api refused : new Api[] {api("TEACHER", school()), api("GOVERNOR", school()),
        api("SENCO", accounts.schoolIds().get(0))}) {
      assertThat(refused.getBytes(photo(pupilId), IMAGE).status()).isEqualTo(404);
      assertThat(refused.send("PUT", photo(pupilId), "image/png", png).status()).isEqualTo(404);
      assertThat(refused.delete(photo(pupilId)).status()).isEqualTo(404);
    }
    assertThat(new Api(port, null).getBytes(photo(pupilId), IMAGE).status()).isEqualTo(401);
    assertThat(new Api(port, null).delete(photo(pupilId)).status()).isEqualTo(401);
    assertThat(senco.getBytes(photo(pupilId), IMAGE).bytes()).isEqualTo(jpeg);

    assertThat(senco.delete(photo(pupilId)).status()).isEqualTo(204);
    assertThat(senco.getBytes(photo(pupilId), IMAGE).status()).isEqualTo(404);
    assertThat(senco.delete(photo(pupilId)).status()).isEqualTo(404);
    assertThat(audited("DELETE", pupilId)).isOne();
  }

  @Test
  void aTeacherWhoSeesThePupilMayGetButNotChangeThePhoto() throws IOException {
    DemoAccounts.Account account = accounts.get("TEACHER", school());
    long taught = jdbc.sql("""
        select max(p.id) from pupil p join class_staff cs on cs.class_id = p.class_id
        join staff s on s.id = cs.staff_id where lower(s.email) = ? and p.leaving_date is null""")
        .param(account.email()).query(Long.class).single();
    Api senco = api("SENCO", school());
    byte[] png = image("png");
    assertThat(senco.send("PUT", photo(taught), "image/png", png).status()).isEqualTo(200);
    Api teacher = new Api(port, account.apiToken());
    assertThat(teacher.getBytes(photo(taught), IMAGE).bytes()).isEqualTo(png);
    assertThat(teacher.send("PUT", photo(taught), "image/png", image("jpg")).status()).isEqualTo(403);
    assertThat(teacher.delete(photo(taught)).status()).isEqualTo(403);
    assertThat(senco.getBytes(photo(taught), IMAGE).bytes()).isEqualTo(png);
    assertThat(senco.delete(photo(taught)).status()).isEqualTo(204);
  }
}
