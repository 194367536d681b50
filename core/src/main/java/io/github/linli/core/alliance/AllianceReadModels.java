package io.github.linli.core.alliance;

import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.es.TableProjection;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStoreException;
import io.github.linli.core.store.Migrations;
import io.github.linli.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The alliance's portal pages, kept from the feed in ordinary tables ({@code
 * linli_alliance_member}, {@code linli_alliance_pledge}, created by the migration {@code
 * V2026.12.07.3__core_alliance_read_models.sql}): members by kind and status, pledges by service
 * domain. Paged by keyset: pass the last id of a page to get the next one; each page is one indexed
 * query, O(page size).
 *
 * <pre>{@code
 * AllianceReadModels pages = AllianceReadModels.on(store, dataSource);
 * pages.update("lishan");                                    // apply what the feed holds that is new
 * List<AllianceReadModels.MemberRow> first = pages.members("lishan", MemberKind.MERCHANT, MemberStatus.ACTIVE, null, 50);
 * List<AllianceReadModels.MemberRow> next = pages.members("lishan", MemberKind.MERCHANT, MemberStatus.ACTIVE,
 *     first.get(first.size() - 1).memberId(), 50);
 * }</pre>
 *
 * <p>{@link #update(String)} applies the tenant's new events to the tables in transactions that also
 * move the checkpoint, so tables and mark never disagree; several servers may run it (they take
 * turns). Queries read the tables as they are: call {@code update} first (or from a scheduler) for
 * the latest. {@link #rebuild(String)} deletes the tenant's rows and applies the whole feed again,
 * giving the same rows. The tables hold no personal value.
 *
 * <p>Thread-safe.
 *
 * @since 0.2.0
 */
public final class AllianceReadModels {
  /** Most rows one page returns. */
  public static final int MAX_PAGE = 500;

  private final MemberTable members;
  private final PledgeTable pledges;

  private AllianceReadModels(EventStore store, DataSource dataSource) {
    this.members = new MemberTable(store, dataSource);
    this.pledges = new PledgeTable(store, dataSource);
  }

  /**
   * The read models of an alliance store, in the same database as the store (or any database with
   * the tables). Applies Linli's pending migrations first.
   *
   * @param store the event store whose feed they follow
   * @param dataSource the database that holds the tables
   * @return the read models
   * @throws ValidationException if an argument is null
   * @throws io.github.linli.core.store.SchemaVersionException if the schema does not match this SDK
   */
  public static AllianceReadModels on(EventStore store, DataSource dataSource) {
    if (store == null) {
      throw new ValidationException("store", null, "must not be null");
    }
    if (dataSource == null) {
      throw new ValidationException("dataSource", null, "must not be null");
    }
    Migrations.apply(dataSource);
    return new AllianceReadModels(store, dataSource);
  }

  /**
   * Applies the tenant's events that the tables do not reflect yet.
   *
   * @param tenant the alliance's tenant
   * @return the number of events applied (by both tables)
   * @throws EventStoreException if the database fails (nothing of the failed page is kept)
   */
  public int update(String tenant) {
    return members.run(tenant) + pledges.run(tenant);
  }

  /**
   * Deletes the tenant's rows and applies its whole feed again.
   *
   * @param tenant the alliance's tenant
   * @return the number of events applied
   * @throws EventStoreException if the database fails
   */
  public int rebuild(String tenant) {
    return members.rebuild(tenant) + pledges.rebuild(tenant);
  }

  /**
   * A page of members, in id order.
   *
   * @param tenant the alliance's tenant
   * @param kind only members of this kind, or null for all
   * @param status only members in this status, or null for all
   * @param afterMemberId the last id of the previous page, or null for the first page
   * @param limit 1 to {@link #MAX_PAGE}
   * @return the rows
   * @throws ValidationException if the limit is out of range
   */
  public List<MemberRow> members(String tenant, MemberKind kind, MemberStatus status, MemberId afterMemberId, int limit) {
    checkLimit(limit);
    StringBuilder sql = new StringBuilder("SELECT member_id, kind, status, community, name_zh, name_en, parent_id FROM linli_alliance_member"
        + " WHERE tenant = ?");
    List<Object> args = new ArrayList<>(List.of(tenant));
    if (kind != null) {
      sql.append(" AND kind = ?");
      args.add(kind.name());
    }
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status.name());
    }
    if (afterMemberId != null) {
      sql.append(" AND member_id > ?");
      args.add(afterMemberId.value());
    }
    sql.append(" ORDER BY member_id LIMIT ").append(limit);
    return members.query(sql.toString(), args, r -> new MemberRow(MemberId.of(r.getString(1)), MemberKind.valueOf(r.getString(2)),
        MemberStatus.valueOf(r.getString(3)), r.getString(4), Label.of(r.getString(5), r.getString(6)),
        r.getString(7) == null ? null : MemberId.of(r.getString(7))));
  }

  /**
   * A page of pledges, in id order.
   *
   * @param tenant the alliance's tenant
   * @param domainId only pledges of this service domain id (for example {@code HEALTHCARE}), or null
   *     for all
   * @param afterPledgeId the last id of the previous page, or null for the first page
   * @param limit 1 to {@link #MAX_PAGE}
   * @return the rows
   * @throws ValidationException if the limit is out of range
   */
  public List<PledgeRow> pledges(String tenant, String domainId, String afterPledgeId, int limit) {
    checkLimit(limit);
    StringBuilder sql = new StringBuilder("SELECT pledge_id, member_id, domain, free, capacity, cadence, valid_from, valid_until,"
        + " title_zh, title_en, units_delivered FROM linli_alliance_pledge WHERE tenant = ?");
    List<Object> args = new ArrayList<>(List.of(tenant));
    if (domainId != null) {
      sql.append(" AND domain = ?");
      args.add(domainId);
    }
    if (afterPledgeId != null) {
      sql.append(" AND pledge_id > ?");
      args.add(afterPledgeId);
    }
    sql.append(" ORDER BY pledge_id LIMIT ").append(limit);
    return pledges.query(sql.toString(), args, r -> new PledgeRow(r.getString(1), MemberId.of(r.getString(2)), r.getString(3),
        r.getBoolean(4), r.getInt(5), Cadence.valueOf(r.getString(6)), r.getDate(7).toLocalDate(), r.getDate(8).toLocalDate(),
        Label.of(r.getString(9), r.getString(10)), r.getLong(11)));
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new ValidationException("limit", limit, "must be 1 to " + MAX_PAGE);
    }
  }

  /**
   * The feed position of the last event the tables applied for a tenant (events of other parts do
   * not move it).
   *
   * @param tenant the tenant
   * @return the checkpoint, 0 before any update
   */
  public long checkpoint(String tenant) {
    return Math.max(members.checkpoint(tenant), pledges.checkpoint(tenant));
  }

  @Override
  public String toString() {
    return "AllianceReadModels{" + members.name() + ", " + pledges.name() + "}";
  }

  /**
   * A row of the members page: no personal value (the contact is in the personal-data store).
   *
   * @param memberId the member
   * @param kind its kind
   * @param status its status now
   * @param community its community
   * @param name its public name
   * @param parent its parent organisation, or null
   * @since 0.2.0
   */
  public record MemberRow(MemberId memberId, MemberKind kind, MemberStatus status, String community, Label name, MemberId parent) {}

  /**
   * A row of the pledges page.
   *
   * @param pledgeId the pledge
   * @param memberId the pledging member
   * @param domainId its service domain's id
   * @param free whether the service is free
   * @param capacity uses pledged per cadence
   * @param cadence the cadence of the capacity
   * @param validFrom first valid day
   * @param validUntil first day no longer valid
   * @param title its title
   * @param unitsDelivered units delivered under it so far
   * @since 0.2.0
   */
  public record PledgeRow(String pledgeId, MemberId memberId, String domainId, boolean free, int capacity, Cadence cadence,
      LocalDate validFrom, LocalDate validUntil, Label title, long unitsDelivered) {}

  /** Reads a row. */
  interface RowReader<T> {
    T read(ResultSet r) throws SQLException;
  }

  /** A projection with a query helper. */
  abstract static class Table extends TableProjection {
    Table(String name, EventStore store, DataSource ds, List<String> categories) {
      super(name, store, ds, categories);
    }

    <T> List<T> query(String sql, List<Object> args, RowReader<T> reader) {
      return inTransaction(c -> {
        try (PreparedStatement p = c.prepareStatement(sql)) {
          for (int i = 0; i < args.size(); i++) {
            p.setString(i + 1, (String) args.get(i));
          }
          List<T> out = new ArrayList<>();
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              out.add(reader.read(r));
            }
          }
          return out;
        }
      });
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          Object a = args[i];
          if (a instanceof LocalDate) {
            p.setDate(i + 1, Date.valueOf((LocalDate) a));
          } else {
            p.setObject(i + 1, a);
          }
        }
        return p.executeUpdate();
      }
    }
  }

  /** Members by kind and status, from the member streams. */
  static final class MemberTable extends Table {
    MemberTable(EventStore store, DataSource ds) {
      super("alliance-members", store, ds, List.of(AllianceEvents.MEMBER));
    }

    @Override
    protected void handle(Connection c, RecordedEvent e) throws SQLException {
      String tenant = e.stream().tenant();
      switch (e.type()) {
        case AllianceEvents.MEMBER_REGISTERED: {
          Object[] r = AllianceEvents.registered(e);
          Member m = (Member) r[0];
          MembershipEvent first = (MembershipEvent) r[2];
          update(c, "INSERT INTO linli_alliance_member (tenant, member_id, kind, status, community, name_zh, name_en, parent_id)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", tenant, m.id().value(), m.kind().name(), first.to().name(), m.community(),
              m.name().zh(), m.name().en(), m.parent().map(MemberId::value).orElse(null));
          break;
        }
        case AllianceEvents.MEMBERSHIP_CHANGED:
          update(c, "UPDATE linli_alliance_member SET status = ? WHERE tenant = ? AND member_id = ?",
              AllianceEvents.changed(e).to().name(), tenant, e.stream().id());
          break;
        case AllianceEvents.CONTACT_ERASED:
        case AllianceEvents.FOLLOWER_REGISTERED:
          break;
        default:
          throw AllianceEvents.unknown(e);
      }
    }

    @Override
    protected void clear(Connection c, String tenant) throws SQLException {
      update(c, "DELETE FROM linli_alliance_member WHERE tenant = ?", tenant);
    }
  }

  /** Pledges by domain, from the pledge streams. */
  static final class PledgeTable extends Table {
    PledgeTable(EventStore store, DataSource ds) {
      super("alliance-pledges", store, ds, List.of(AllianceEvents.PLEDGE));
    }

    @Override
    protected void handle(Connection c, RecordedEvent e) throws SQLException {
      String tenant = e.stream().tenant();
      switch (e.type()) {
        case AllianceEvents.PLEDGE_REGISTERED: {
          Pledge p = AllianceEvents.pledged(e);
          update(c, "INSERT INTO linli_alliance_pledge (tenant, pledge_id, member_id, domain, free, capacity, cadence, valid_from,"
              + " valid_until, title_zh, title_en, units_delivered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", tenant, p.id(),
              p.member().value(), p.domain().id(), p.isFree(), p.capacity(), p.cadence().name(), p.validity().start(),
              p.validity().end(), p.title().zh(), p.title().en());
          break;
        }
        case AllianceEvents.DELIVERY_RECORDED: {
          Map.Entry<Delivery, LocalDate> d = AllianceEvents.delivered(e, java.time.ZoneOffset.UTC);
          update(c, "UPDATE linli_alliance_pledge SET units_delivered = units_delivered + ? WHERE tenant = ? AND pledge_id = ?",
              (long) d.getKey().units(), tenant, e.stream().id());
          break;
        }
        default:
          throw AllianceEvents.unknown(e);
      }
    }

    @Override
    protected void clear(Connection c, String tenant) throws SQLException {
      update(c, "DELETE FROM linli_alliance_pledge WHERE tenant = ?", tenant);
    }
  }
}
