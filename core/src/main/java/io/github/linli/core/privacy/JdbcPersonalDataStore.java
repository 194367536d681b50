package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Actor;
import io.github.linli.core.ResidentId;
import io.github.linli.core.internal.records.RecordKeeper;
import io.github.linli.core.internal.sql.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@link PersonalDataStore} in a database (tables {@code linli_personal_value} and {@code
 * linli_personal_access}, one tenant's rows): values protected by the {@link Protector} before they
 * reach the database, each access recorded in the same transaction as its effect (a refusal in its
 * own), erasure by deleting the rows. Thread-safe: every call is one transaction.
 */
final class JdbcPersonalDataStore implements PersonalDataStore, RecordKeeper {
  private final DataSource dataSource;
  private final String tenant;
  private final Protector protector;
  private final AccessPolicy policy;
  private final Clock clock;
  private final Log log = new Log();

  JdbcPersonalDataStore(DataSource dataSource, String tenant, Protector protector, AccessPolicy policy, Clock clock) {
    this.dataSource = dataSource;
    this.tenant = tenant;
    this.protector = protector;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public void put(Actor actor, ResidentId subject, PersonalDataKind kind, String value) {
    boolean allowed = Rules.checkPut(actor, subject, kind, value);
    if (!allowed) {
      tx(c -> logged(c, actor.id(), subject, AccessRecord.Operation.WRITE, kind, Purpose.SUBJECT_ACCESS, false));
      Rules.refusePut(actor, false);
    }
    String stored = protector.protect(subject, kind, OWN, value);
    tx(c -> {
      logged(c, actor.id(), subject, AccessRecord.Operation.WRITE, kind, Purpose.SUBJECT_ACCESS, true);
      write(c, subject, OWN, kind, stored);
      return null;
    });
  }

  @Override
  public Optional<String> read(Actor actor, ResidentId subject, PersonalDataKind kind, Purpose purpose) {
    Rules.checkRead(actor, subject, kind, purpose);
    boolean allowed = policy.allows(actor, subject, kind, purpose);
    Optional<String> stored = Optional.ofNullable(tx(c -> {
      logged(c, actor.id(), subject, AccessRecord.Operation.READ, kind, purpose, allowed);
      return allowed ? stored(c, subject, OWN).get(kind) : null;
    }));
    Rules.refuseRead(actor, kind, purpose, allowed);
    return stored.map(s -> protector.reveal(subject, kind, OWN, s));
  }

  @Override
  public Optional<String> masked(ResidentId subject, PersonalDataKind kind) {
    checkNotNull(subject, "subject");
    checkNotNull(kind, "kind");
    String s = tx(c -> stored(c, subject, OWN).get(kind));
    return Optional.ofNullable(s).map(v -> kind.mask(protector.reveal(subject, kind, OWN, v)));
  }

  @Override
  public Set<PersonalDataKind> kindsHeld(ResidentId subject) {
    checkNotNull(subject, "subject");
    return tx(c -> {
      EnumSet<PersonalDataKind> kinds = EnumSet.noneOf(PersonalDataKind.class);
      try (PreparedStatement p = c.prepareStatement(
          "SELECT DISTINCT kind FROM linli_personal_value WHERE tenant = ? AND subject = ?")) {
        p.setString(1, tenant);
        p.setString(2, subject.value());
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            kinds.add(PersonalDataKind.valueOf(r.getString(1)));
          }
        }
      }
      return Collections.unmodifiableSet(kinds);
    });
  }

  @Override
  public int erase(Actor actor, ResidentId subject) {
    boolean allowed = Rules.checkErase(actor, subject);
    int n = tx(c -> {
      logged(c, actor.id(), subject, AccessRecord.Operation.ERASE, null, Purpose.SUBJECT_ACCESS, allowed);
      if (!allowed) {
        return 0;
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM linli_personal_value WHERE tenant = ? AND subject = ?")) {
        p.setString(1, tenant);
        p.setString(2, subject.value());
        return p.executeUpdate();
      }
    });
    Rules.refuseErase(actor, allowed);
    return n;
  }

  @Override
  public AccessLog accessLog() {
    return log;
  }

  @Override
  public void keep(String actorId, ResidentId subject, String record, Map<String, String> plain) {
    Map<PersonalDataKind, String> checked = Rules.checkRecord(subject, record, plain);
    Map<PersonalDataKind, String> protectedValues = new EnumMap<>(PersonalDataKind.class);
    checked.forEach((k, v) -> protectedValues.put(k, protector.protect(subject, k, record, v)));
    tx(c -> {
      delete(c, subject, record);
      for (Map.Entry<PersonalDataKind, String> e : protectedValues.entrySet()) {
        logged(c, actorId, subject, AccessRecord.Operation.WRITE, e.getKey(), Purpose.SERVICE_DELIVERY, true);
        write(c, subject, record, e.getKey(), e.getValue());
      }
      return null;
    });
  }

  @Override
  public Map<String, String> recall(String actorId, ResidentId subject, String record) {
    Map<PersonalDataKind, String> stored = tx(c -> {
      Map<PersonalDataKind, String> m = stored(c, subject, record);
      for (PersonalDataKind k : m.keySet()) {
        logged(c, actorId, subject, AccessRecord.Operation.READ, k, Purpose.SERVICE_DELIVERY, true);
      }
      return m;
    });
    Map<String, String> out = new LinkedHashMap<>();
    stored.forEach((k, v) -> out.put(k.name(), protector.reveal(subject, k, record, v)));
    return out;
  }

  @Override
  public Recalled recall(Actor actor, ResidentId subject, String record, boolean subjectAccess) {
    Purpose purpose = subjectAccess ? Purpose.SUBJECT_ACCESS : Purpose.CASE_HANDLING;
    Set<String> withheld = new java.util.TreeSet<>();
    Map<PersonalDataKind, String> allowedValues = tx(c -> {
      Map<PersonalDataKind, String> m = new EnumMap<>(PersonalDataKind.class);
      for (Map.Entry<PersonalDataKind, String> e : stored(c, subject, record).entrySet()) {
        boolean allowed = policy.allows(actor, subject, e.getKey(), purpose);
        logged(c, actor.id(), subject, AccessRecord.Operation.READ, e.getKey(), purpose, allowed);
        if (allowed) {
          m.put(e.getKey(), e.getValue());
        } else {
          withheld.add(e.getKey().name());
        }
      }
      return m;
    });
    Map<String, String> out = new LinkedHashMap<>();
    allowedValues.forEach((k, v) -> out.put(k.name(), protector.reveal(subject, k, record, v)));
    return new Recalled(out, withheld);
  }

  @Override
  public void forget(String actorId, ResidentId subject, String record) {
    tx(c -> {
      if (delete(c, subject, record) > 0) {
        logged(c, actorId, subject, AccessRecord.Operation.ERASE, null, Purpose.SERVICE_DELIVERY, true);
      }
      return null;
    });
  }

  private int delete(Connection c, ResidentId subject, String record) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "DELETE FROM linli_personal_value WHERE tenant = ? AND subject = ? AND record = ?")) {
      p.setString(1, tenant);
      p.setString(2, subject.value());
      p.setString(3, record);
      return p.executeUpdate();
    }
  }

  private void write(Connection c, ResidentId subject, String record, PersonalDataKind kind, String stored) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "DELETE FROM linli_personal_value WHERE tenant = ? AND subject = ? AND record = ? AND kind = ?")) {
      p.setString(1, tenant);
      p.setString(2, subject.value());
      p.setString(3, record);
      p.setString(4, kind.name());
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO linli_personal_value (tenant, subject, record, kind, protected) VALUES (?, ?, ?, ?, ?)")) {
      p.setString(1, tenant);
      p.setString(2, subject.value());
      p.setString(3, record);
      p.setString(4, kind.name());
      p.setString(5, stored);
      p.executeUpdate();
    }
  }

  private Map<PersonalDataKind, String> stored(Connection c, ResidentId subject, String record) throws SQLException {
    Map<PersonalDataKind, String> m = new EnumMap<>(PersonalDataKind.class);
    try (PreparedStatement p = c.prepareStatement(
        "SELECT kind, protected FROM linli_personal_value WHERE tenant = ? AND subject = ? AND record = ?")) {
      p.setString(1, tenant);
      p.setString(2, subject.value());
      p.setString(3, record);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          m.put(PersonalDataKind.valueOf(r.getString(1)), r.getString(2));
        }
      }
    }
    return m;
  }

  private Void logged(Connection c, String actorId, ResidentId subject, AccessRecord.Operation op, PersonalDataKind kind,
      Purpose purpose, boolean allowed) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO linli_personal_access"
        + " (tenant, at, actor_id, subject, operation, kind, purpose, allowed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, tenant);
      // truncated to microseconds here, once: what PostgreSQL keeps
      p.setObject(2, OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
      p.setString(3, actorId);
      p.setString(4, subject.value());
      p.setString(5, op.name());
      p.setString(6, kind == null ? null : kind.name());
      p.setString(7, purpose.name());
      p.setBoolean(8, allowed);
      p.executeUpdate();
    }
    return null;
  }

  private <T> T tx(Tx.Work<T> work) {
    // the database's own message is left out: a constraint message could quote a stored value
    return Tx.run(dataSource, "personal-data store", false, false, work);
  }

  @Override
  public String toString() {
    return "PersonalDataStore.jdbc{tenant=" + tenant + ", protector=" + protector + "}";
  }

  /** The durable access log: the tenant's rows of {@code linli_personal_access}, in order. */
  private final class Log implements AccessLog {
    @Override
    public void append(AccessRecord r) {
      checkNotNull(r, "record");
      tx(c -> logged(c, r.actorId(), r.subject(), r.operation(), r.kind().orElse(null), r.purpose(), r.allowed()));
    }

    @Override
    public List<AccessRecord> records() {
      return query("", null);
    }

    @Override
    public List<AccessRecord> about(ResidentId subject) {
      checkNotNull(subject, "subject");
      return query(" AND subject = ?", subject.value());
    }

    private List<AccessRecord> query(String where, String arg) {
      return tx(c -> {
        List<AccessRecord> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT at, actor_id, subject, operation, kind, purpose, allowed"
            + " FROM linli_personal_access WHERE tenant = ?" + where + " ORDER BY seq")) {
          p.setString(1, tenant);
          if (arg != null) {
            p.setString(2, arg);
          }
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              Instant at = r.getObject(1, OffsetDateTime.class).toInstant();
              String kind = r.getString(5);
              out.add(AccessRecord.of(at, r.getString(2), ResidentId.of(r.getString(3)),
                  AccessRecord.Operation.valueOf(r.getString(4)), kind == null ? null : PersonalDataKind.valueOf(kind),
                  Purpose.valueOf(r.getString(6)), r.getBoolean(7)));
            }
          }
        }
        return Collections.unmodifiableList(out);
      });
    }

    @Override
    public String toString() {
      return "AccessLog.jdbc{tenant=" + tenant + "}";
    }
  }
}
