package org.senda.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.senda.pupils.UpnCheck;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SendaTest
class RegisterImportIntegrationTest {

  private static final AtomicInteger SERIAL = new AtomicInteger(500);
  static final String HEADER = "upn,forename,surname,date_of_birth,year_group,sen_status,primary_need,secondary_need\n";

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  static String upn() {
    return UpnCheck.generate(998, 7777, 2026, SERIAL.getAndIncrement());
  }

  Api.Response importCsv(String csv) {
    long schoolId = accounts.schoolIds().get(2);
    return new Api(port, accounts.get("SENCO", schoolId).apiToken())
        .post("/api/v1/schools/" + schoolId + "/pupil-imports?dryRun=false", "text/csv", csv);
  }

  @Test
  void importsStatusAndNeedsMappingHistoricCodesWithANote() {
    String schoolAction = upn();
    String statement = upn();
    String plain = upn();
    Api.Response response = importCsv(HEADER
        + schoolAction + ",Ava,Lewis,2018-03-14,3,A,SPLD,\n"
        + statement + ",Noah,Price,2018-05-02,3,S,ASD,SLCN\n"
        + plain + ",Mia,Hughes,2018-07-21,3,N,,\n");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(entry(schoolAction)).containsExactly("K", "SPLD", null);
    assertThat(entry(statement)).containsExactly("E", "ASD", "SLCN");
    assertThat(jdbc.sql("select count(*) from register_entry re join pupil p on p.id = re.pupil_id where p.upn = ?")
        .param(plain).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select rc.note from register_change rc join pupil p on p.id = rc.pupil_id where p.upn = ?")
        .param(schoolAction).query(String.class).single()).isEqualTo(
            "Imported as A (School Action); recorded as K (SEN support)");

    Api.Response again = importCsv(HEADER + schoolAction + ",Ava,Lewis,2018-03-14,3,A,SPLD,\n");
    assertThat(again.status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from register_change rc join pupil p on p.id = rc.pupil_id where p.upn = ?")
        .param(schoolAction).query(Long.class).single()).as("an unchanged row adds no history").isEqualTo(1);
  }

  @Test
  void refusesUnknownCodesNsaWithoutKAndTwoPrimaryNeedsWritingNothing() {
    long before = jdbc.sql("select count(*) from register_change").query(Long.class).single();
    long pupils = jdbc.sql("select count(*) from pupil").query(Long.class).single();

    Api.Response response = importCsv(HEADER
        + upn() + ",Leo,Ward,2018-03-14,3,K,XYZ,\n"
        + upn() + ",Isla,Reid,2018-03-14,3,E,NSA,\n"
        + upn() + ",Theo,Bell,2018-03-14,3,K,SLCN;ASD,\n"
        + upn() + ",Ella,Cole,2018-03-14,3,Q,,\n");

    assertThat(response.status()).isEqualTo(422);
    JsonNode errors = response.json().get("errors");
    assertThat(error(errors, 2, "primary_need")).contains("'XYZ' is not a DfE type of need code");
    assertThat(error(errors, 3, "primary_need")).contains("NSA (no specialist assessment) can only be used with SEN support");
    assertThat(error(errors, 4, "primary_need")).isEqualTo("More than one primary need");
    assertThat(error(errors, 5, "sen_status")).contains("'Q' is not a SEN status");
    assertThat(jdbc.sql("select count(*) from register_change").query(Long.class).single()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from pupil").query(Long.class).single()).isEqualTo(pupils);
  }

  List<String> entry(String upn) {
    return jdbc.sql("select re.status, re.primary_need, re.secondary_need from register_entry re"
            + " join pupil p on p.id = re.pupil_id where p.upn = ?")
        .param(upn)
        .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
        .single();
  }

  static String error(JsonNode errors, int row, String column) {
    return errors.valueStream()
        .filter(e -> e.get("row").asInt() == row && e.get("column").asString().equals(column))
        .map(e -> e.get("message").asString())
        .findFirst()
        .orElse("(no error for row " + row + " column " + column + ": " + errors + ")");
  }
}
