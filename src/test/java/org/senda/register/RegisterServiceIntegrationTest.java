package org.senda.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.senda.access.Role;
import org.senda.access.SendaUser;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@SendaTest
class RegisterServiceIntegrationTest {

  @Autowired
  Register register;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  void signInAsSenco(long schoolId) {
    long trustId = jdbc.sql("select trust_id from school where id = ?").param(schoolId).query(Long.class).single();
    SendaUser user = new SendaUser(-1, null, "senco@test", "Test SENCO", trustId,
        Map.of(schoolId, Set.of(Role.SENCO)), Set.of(), Set.of(schoolId));
    SecurityContextHolder.getContext()
        .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
  }

  long pupilWithoutSen(long schoolId) {
    return jdbc.sql("""
            select min(p.id) from pupil p left join register_entry re on re.pupil_id = p.id
            where p.school_id = ? and p.leaving_date is null
              and (re.pupil_id is null or re.status = 'N' and re.monitor_until is null)""")
        .param(schoolId).query(Long.class).single();
  }

  long changes(long pupilId) {
    return jdbc.sql("select count(*) from register_change where pupil_id = ?").param(pupilId)
        .query(Long.class).single();
  }

  @Test
  void aChangeThatBreaksTheRulesIsRefusedWithEveryViolationAndWritesNothing() {
    long schoolId = accounts.schoolIds().get(2);
    signInAsSenco(schoolId);
    long pupilId = pupilWithoutSen(schoolId);
    long changes = changes(pupilId);

    assertThatThrownBy(() -> register.change(pupilId, SendStatus.K, List.of(), " ", LocalDate.now(clock)))
        .isInstanceOfSatisfying(RegisterChangeRefused.class, refused -> assertThat(refused.violations())
            .extracting(RegisterChangeRefused.Violation::field).contains("needs", "reason"));
    assertThat(register.statusOf(pupilId)).isEqualTo(SendStatus.N);
    assertThat(changes(pupilId)).isEqualTo(changes);
  }

  @Test
  void aValidChangeIsRecordedInTheHistory() {
    long schoolId = accounts.schoolIds().get(2);
    signInAsSenco(schoolId);
    long pupilId = pupilWithoutSen(schoolId);

    RegisterChange change = register.change(pupilId, SendStatus.K, List.of(new RankedNeed("SLCN", 1)),
        "Speech and language assessment", LocalDate.now(clock));

    assertThat(change.previous()).isNotEqualTo(SendStatus.K);
    assertThat(change.status()).isEqualTo(SendStatus.K);
    assertThat(change.needs()).containsExactly("SLCN");
    assertThat(register.statusOf(pupilId)).isEqualTo(SendStatus.K);
    assertThat(jdbc.sql("select reason from register_change where pupil_id = ? order by id desc limit 1")
        .param(pupilId).query(String.class).single()).isEqualTo("Speech and language assessment");
  }
}
