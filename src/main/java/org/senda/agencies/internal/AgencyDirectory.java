package org.senda.agencies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of professionals and services. A school sees its own entries and those shared by every school of
 * its trust (a trust often buys one educational psychology service for all its schools). A shared entry may be
 * changed by whoever keeps the directory of any of the trust's schools, since it is the same service for all of
 * them. Entries are deactivated, never deleted, so that old referrals still say whom they went to.
 */
@Service
class AgencyDirectory {

  /** An entry of the directory. */
  record Agency(long id, long trustId, @Nullable Long schoolId, ServiceType serviceType, String serviceName,
      @Nullable String professionalName, @Nullable String professionalRole, @Nullable String email,
      @Nullable String phone, @Nullable String address, @Nullable String notes, boolean active, int version) {

    public boolean shared() {
      return schoolId == null;
    }

    /** "Dr Amara Okafor, Northshire Educational Psychology Service", or the service alone. */
    public String label() {
      return professionalName == null ? serviceName : professionalName + ", " + serviceName;
    }

    public String serviceTypeTitle() {
      return serviceType.title();
    }

    /** Whether the entry belongs to the school's directory. */
    public boolean visibleIn(long schoolId, long trustId) {
      return this.trustId == trustId && (this.schoolId == null || this.schoolId == schoolId);
    }
  }

  static final String SELECT = """
      select id, trust_id, school_id, service_type, service_name, professional_name, professional_role, email, phone,
             address, notes, active, version
      from agency""";

  private final JdbcClient jdbc;
  private final Audit audit;

  AgencyDirectory(JdbcClient jdbc, Audit audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The school's directory (its own and the trust's shared entries), by type and name, in one query. */
  List<Agency> list(long schoolId, long trustId, @Nullable ServiceType type, boolean includeInactive) {
    var spec = jdbc.sql(SELECT + " where trust_id = :trust and (school_id = :school or school_id is null)"
            + (type == null ? "" : " and service_type = :type") + (includeInactive ? "" : " and active")
            + " order by service_type, service_name, professional_name, id")
        .param("trust", trustId)
        .param("school", schoolId);
    if (type != null) {
      spec = spec.param("type", type.name());
    }
    return spec.query(AgencyDirectory::agency)
        .list();
  }

  Optional<Agency> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(AgencyDirectory::agency).optional();
  }

  @Transactional
  long add(long schoolId, long trustId, AgencyForm form) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into agency (trust_id, school_id, service_type, service_name, professional_name, professional_role,
              email, phone, address, notes)
            values (:trust, :school, :type, :service, :name, :role, :email, :phone, :address, :notes)""")
        .param("trust", trustId)
        .param("school", form.sharedWithTrust() ? null : schoolId, java.sql.Types.BIGINT)
        .params(values(form))
        .update(key, "id");
    long id = Objects.requireNonNull(key.getKey()).longValue();
    audit.record(AuditAction.CREATE, "agency", id, schoolId, form.sharedWithTrust() ? "shared with the trust" : null);
    return id;
  }

  /** Saves the entry as typed, unless someone else saved it since {@code form.version()}. */
  @Transactional
  void update(Agency agency, long schoolId, AgencyForm form) {
    int updated = jdbc.sql("""
            update agency set school_id = :school, service_type = :type, service_name = :service,
              professional_name = :name, professional_role = :role, email = :email, phone = :phone,
              address = :address, notes = :notes, version = version + 1
            where id = :id and version = :version""")
        .param("school", form.sharedWithTrust() ? null : (agency.schoolId() == null ? schoolId : agency.schoolId()),
            java.sql.Types.BIGINT)
        .params(values(form))
        .param("id", agency.id())
        .param("version", form.version())
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("agency " + agency.id());
    }
    audit.record(AuditAction.UPDATE, "agency", agency.id(), schoolId, null);
  }

  @Transactional
  void deactivate(Agency agency, long schoolId, int version) {
    int updated = jdbc.sql("update agency set active = false, version = version + 1 where id = ? and version = ?")
        .params(agency.id(), version)
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("agency " + agency.id());
    }
    audit.record(AuditAction.UPDATE, "agency", agency.id(), schoolId, "deactivated");
  }

  private static java.util.Map<String, @Nullable Object> values(AgencyForm form) {
    java.util.Map<String, @Nullable Object> values = new java.util.HashMap<>();
    values.put("type", form.serviceType());
    values.put("service", trim(form.serviceName()));
    values.put("name", trim(form.professionalName()));
    values.put("role", trim(form.professionalRole()));
    values.put("email", trim(form.email()));
    values.put("phone", trim(form.phone()));
    values.put("address", trim(form.address()));
    values.put("notes", trim(form.notes()));
    return values;
  }

  static @Nullable String trim(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  static Agency agency(ResultSet rs, int n) throws SQLException {
    long school = rs.getLong("school_id");
    Long schoolId = rs.wasNull() ? null : school;
    return new Agency(rs.getLong("id"), rs.getLong("trust_id"), schoolId,
        ServiceType.valueOf(rs.getString("service_type")), rs.getString("service_name"),
        rs.getString("professional_name"), rs.getString("professional_role"), rs.getString("email"),
        rs.getString("phone"), rs.getString("address"), rs.getString("notes"), rs.getBoolean("active"),
        rs.getInt("version"));
  }
}
