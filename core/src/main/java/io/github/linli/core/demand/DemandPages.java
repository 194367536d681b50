package io.github.linli.core.demand;

import io.github.linli.core.ResidentId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.es.TableProjection;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStoreException;
import io.github.linli.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Portal pages of demands, served from a read model kept from the event store's feed in the table
 * {@code linli_demand_page} (created by the event store's migrations): open needs by grid cell,
 * state and tier, and a resident's needs. Pages are keyset-paged by demand id: pass the last id of
 * a page to get the next. Rows hold opaque ids, cells, states and classifications only.
 *
 * <p>{@link #refresh(String)} applies the community's new demand events in transactions that also
 * move the read model's checkpoint, so rows and mark never disagree; servers may run it
 * concurrently (they take turns). {@link #rebuild(String)} deletes the community's rows and replays
 * its demands: the same rows again. Queries read the table as it is; refresh first to include the
 * latest writes.
 *
 * <pre>{@code
 * DemandPages pages = DemandPages.jdbc(store, dataSource);
 * pages.refresh("lishan");
 * List<DemandRow> first = pages.openNeeds("lishan", "B2", null, null, 50);
 * }</pre>
 *
 * <p>Thread-safe. A page is one indexed range scan: O(log n + page size).
 *
 * @since 0.2.0
 */
public final class DemandPages {
  /** Largest page. */
  public static final int MAX_PAGE = 500;

  private static final String COLUMNS =
      "demand_id, requester, grid_cell, state, tier, domain_id, urgency, created_at, updated_at";

  private final Projection projection;
  private final DataSource dataSource;

  private DemandPages(EventStore store, DataSource dataSource) {
    this.dataSource = dataSource;
    this.projection = new Projection(store, dataSource);
  }

  /**
   * Demand pages kept in a database from an event store's feed.
   *
   * @param store the event store whose demand events it reads
   * @param dataSource the database holding {@code linli_demand_page} (the event store's, when it
   *     is a JDBC store)
   * @return the pages
   * @throws ValidationException if an argument is null
   */
  public static DemandPages jdbc(EventStore store, DataSource dataSource) {
    if (store == null || dataSource == null) {
      throw new ValidationException(store == null ? "store" : "dataSource", null, "must not be null");
    }
    return new DemandPages(store, dataSource);
  }

  /**
   * Applies the community's demand events not yet in the pages.
   *
   * @param tenant the community
   * @return how many events were applied
   * @throws EventStoreException if the database fails
   * @throws io.github.linli.core.ConsistencyException if a stored event cannot be read
   */
  public int refresh(String tenant) {
    return projection.run(Checks.id("tenant", tenant));
  }

  /**
   * Deletes the community's rows and applies its demand events from the start.
   *
   * @param tenant the community
   * @return how many events were applied
   * @throws EventStoreException if the database fails
   */
  public int rebuild(String tenant) {
    return projection.rebuild(Checks.id("tenant", tenant));
  }

  /**
   * The feed position the pages reflect.
   *
   * @param tenant the community
   * @return the position, 0 before any refresh
   */
  public long checkpoint(String tenant) {
    return projection.checkpoint(Checks.id("tenant", tenant));
  }

  /**
   * A page of open needs (submitted, classified, matched or in service), by demand id.
   *
   * @param tenant the community
   * @param gridCell only this cell, or null for every cell
   * @param tier only this tier, or null for any
   * @param afterId the last id of the previous page, or null for the first page
   * @param limit 1 to {@link #MAX_PAGE}
   * @return the rows
   * @throws ValidationException if an argument is not acceptable
   */
  public List<DemandRow> openNeeds(String tenant, String gridCell, MaslowTier tier, String afterId, int limit) {
    StringBuilder where = new StringBuilder("tenant = ? AND open_need = TRUE");
    List<Object> args = new ArrayList<>(List.of(Checks.id("tenant", tenant)));
    filters(where, args, gridCell, tier, afterId);
    return query(where, args, limit);
  }

  /**
   * A page of demands in one state, by demand id.
   *
   * @param tenant the community
   * @param state the state
   * @param gridCell only this cell, or null for every cell
   * @param afterId the last id of the previous page, or null for the first page
   * @param limit 1 to {@link #MAX_PAGE}
   * @return the rows
   * @throws ValidationException if an argument is not acceptable
   */
  public List<DemandRow> inState(String tenant, DemandState state, String gridCell, String afterId, int limit) {
    if (state == null) {
      throw new ValidationException("state", null, "must not be null");
    }
    StringBuilder where = new StringBuilder("tenant = ? AND state = ?");
    List<Object> args = new ArrayList<>(List.of(Checks.id("tenant", tenant), state.name()));
    filters(where, args, gridCell, null, afterId);
    return query(where, args, limit);
  }

  /**
   * A page of one resident's demands, open or closed, by demand id.
   *
   * @param tenant the community
   * @param resident the requester
   * @param afterId the last id of the previous page, or null for the first page
   * @param limit 1 to {@link #MAX_PAGE}
   * @return the rows
   * @throws ValidationException if an argument is not acceptable
   */
  public List<DemandRow> ofResident(String tenant, ResidentId resident, String afterId, int limit) {
    if (resident == null) {
      throw new ValidationException("resident", null, "must not be null");
    }
    StringBuilder where = new StringBuilder("tenant = ? AND requester = ?");
    List<Object> args = new ArrayList<>(List.of(Checks.id("tenant", tenant), resident.value()));
    filters(where, args, null, null, afterId);
    return query(where, args, limit);
  }

  private static void filters(StringBuilder where, List<Object> args, String gridCell, MaslowTier tier, String afterId) {
    if (gridCell != null) {
      where.append(" AND grid_cell = ?");
      args.add(Checks.id("gridCell", gridCell));
    }
    if (tier != null) {
      where.append(" AND tier = ?");
      args.add(tier.name());
    }
    if (afterId != null) {
      where.append(" AND demand_id > ?");
      args.add(Checks.id("afterId", afterId));
    }
  }

  private List<DemandRow> query(StringBuilder where, List<Object> args, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new ValidationException("limit", limit, "must be 1 to " + MAX_PAGE);
    }
    String sql = "SELECT " + COLUMNS + " FROM linli_demand_page WHERE " + where + " ORDER BY demand_id LIMIT " + limit;
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setString(i + 1, (String) args.get(i));
      }
      List<DemandRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String tier = r.getString(5);
          out.add(new DemandRow(r.getString(1), ResidentId.of(r.getString(2)), r.getString(3), DemandState.valueOf(r.getString(4)),
              tier == null ? null : MaslowTier.valueOf(tier), r.getString(6), Urgency.valueOf(r.getString(7)),
              r.getObject(8, OffsetDateTime.class).toInstant(), r.getObject(9, OffsetDateTime.class).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new EventStoreException("demand page query failed: SQL state " + e.getSQLState(), false, e);
    }
  }

  @Override
  public String toString() {
    return "DemandPages{" + projection.name() + "}";
  }

  /** The projection: one row per demand, changed by each of its events. */
  private static final class Projection extends TableProjection {
    Projection(EventStore store, DataSource dataSource) {
      super("demand_page", store, dataSource, List.of(DemandChange.CATEGORY));
    }

    @Override
    protected void handle(Connection c, RecordedEvent e) throws SQLException {
      DemandChange ch = DemandChange.decode(e);
      String tenant = e.stream().tenant();
      OffsetDateTime at = time(ch.at);
      if (ch.kind == DemandChange.Kind.SUBMITTED) {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO linli_demand_page (tenant, " + COLUMNS
            + ", open_need) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, TRUE)")) {
          p.setString(1, tenant);
          p.setString(2, ch.demandId);
          p.setString(3, ch.requester.value());
          p.setString(4, ch.gridCell);
          p.setString(5, DemandState.SUBMITTED.name());
          p.setString(6, Urgency.NORMAL.name());
          p.setObject(7, at);
          p.setObject(8, at);
          p.executeUpdate();
        }
        return;
      }
      DemandState state = ch.kind.state;
      String set = "state = ?, open_need = ?, updated_at = ?";
      if (ch.kind == DemandChange.Kind.CLASSIFIED) {
        set += ", tier = ?, domain_id = ?, urgency = ?";
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE linli_demand_page SET " + set + " WHERE tenant = ? AND demand_id = ?")) {
        int i = 1;
        p.setString(i++, state.name());
        p.setBoolean(i++, !state.isClosed());
        p.setObject(i++, at);
        if (ch.kind == DemandChange.Kind.CLASSIFIED) {
          p.setString(i++, ch.tier.name());
          p.setString(i++, ch.domain.id());
          p.setString(i++, ch.urgency.name());
        }
        p.setString(i++, tenant);
        p.setString(i, ch.demandId);
        if (p.executeUpdate() != 1) {
          throw new io.github.linli.core.ConsistencyException("demand event " + e.stream() + " version " + e.version()
              + " (tenant " + tenant + ") changes a demand the page does not hold");
        }
      }
    }

    private static OffsetDateTime time(Instant at) {
      return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    @Override
    protected void clear(Connection c, String tenant) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM linli_demand_page WHERE tenant = ?")) {
        p.setString(1, tenant);
        p.executeUpdate();
      }
    }
  }
}
