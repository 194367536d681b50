package io.github.linli.core.governance;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.MemberId;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.core.internal.JsonFields;
import io.github.linli.core.internal.es.TableProjection;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStoreException;
import io.github.linli.core.store.Migrations;
import io.github.linli.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The portal's pages about joint meetings, kept in ordinary tables from the event store's feed: the
 * meetings of a community (newest first) and their resolutions, paged, served by plain indexed SQL
 * instead of loading every meeting.
 *
 * <pre>{@code
 * MeetingReadModel pages = MeetingReadModel.of(store, dataSource);
 * pages.update("lishan");                        // apply what the feed holds since the last update
 * pages.meetings("lishan", 0, 20);               // the first page of meetings
 * pages.resolutions("lishan", 0, 20);            // the first page of resolutions
 * }</pre>
 *
 * <p>The tables ({@code linli_gov_meeting}, {@code linli_gov_motion}) come with the event store's
 * migrations ({@code V2026.12.07.5__core_governance_read_models.sql}); the position in the feed
 * they reflect is kept in {@code linli_checkpoint} (projection {@value #NAME}) and written in the
 * same transaction as the rows, so rows and mark never disagree. Servers may run {@link #update}
 * at once: they take turns and apply each event once. {@link #rebuild} deletes a community's rows
 * and applies the whole feed again, giving the same rows. The rows hold opaque ids, motion titles
 * and counts, never personal data. The read model may lag the store until {@link #update} runs.
 *
 * <p>Thread-safe. A page query is one indexed SQL query, O(page size).
 *
 * @since 0.2.0
 */
public final class MeetingReadModel {
  /** The projection's name in {@code linli_checkpoint}. */
  public static final String NAME = "governance.meetings";

  /** Most rows one page returns. */
  public static final int MAX_PAGE = 500;

  private final Projection projection;

  private MeetingReadModel(EventStore store, DataSource dataSource) {
    this.projection = new Projection(store, dataSource);
  }

  /**
   * A read model on a database, applying the event store's migrations (which create its tables)
   * if any are pending.
   *
   * @param store the event store whose feed it reads (any implementation)
   * @param dataSource the database that holds the tables, for example the store's own
   * @return the read model
   * @throws io.github.linli.core.store.SchemaVersionException if the schema does not match this SDK
   */
  public static MeetingReadModel of(EventStore store, DataSource dataSource) {
    checkNotNull(store, "store");
    checkNotNull(dataSource, "dataSource");
    Migrations.apply(dataSource);
    return new MeetingReadModel(store, dataSource);
  }

  /**
   * Applies the community's meeting events that the tables do not reflect yet.
   *
   * @param tenant the community
   * @return the number of events applied (0 when up to date)
   * @throws EventStoreException if the database fails (the tables stay as they were)
   * @throws ConsistencyException if an event cannot be read
   */
  public int update(String tenant) {
    return projection.run(Checks.id("tenant", tenant));
  }

  /**
   * Deletes the community's rows and applies its whole feed again: the same rows as before.
   *
   * @param tenant the community
   * @return the number of events applied
   * @throws EventStoreException if the database fails
   */
  public int rebuild(String tenant) {
    return projection.rebuild(Checks.id("tenant", tenant));
  }

  /**
   * The feed position the tables reflect for a community.
   *
   * @param tenant the community
   * @return the position, 0 before any update
   */
  public long checkpoint(String tenant) {
    return projection.checkpoint(Checks.id("tenant", tenant));
  }

  /**
   * A page of the community's meetings, the most recently convened first (then by id).
   *
   * @param tenant the community
   * @param offset rows to skip, 0 or more
   * @param limit rows to return, 1 to {@link #MAX_PAGE}
   * @return the rows
   * @throws ValidationException if the offset or limit is out of range
   */
  public List<MeetingRow> meetings(String tenant, int offset, int limit) {
    checkPage(offset, limit);
    String t = Checks.id("tenant", tenant);
    return projection.query(c -> {
      List<MeetingRow> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT meeting_id, convened_at, convened_by, seats, motions, resolutions, adjourned"
          + " FROM linli_gov_meeting WHERE tenant = ? ORDER BY convened_at DESC, meeting_id LIMIT ? OFFSET ?")) {
        p.setString(1, t);
        p.setInt(2, limit);
        p.setInt(3, offset);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new MeetingRow(r.getString(1), r.getObject(2, OffsetDateTime.class).toInstant(), r.getString(3), r.getInt(4), r.getInt(5),
                r.getInt(6), r.getBoolean(7)));
          }
        }
      }
      return out;
    });
  }

  /**
   * A page of the community's resolutions (adopted motions), the most recent first (then by id).
   *
   * @param tenant the community
   * @param offset rows to skip, 0 or more
   * @param limit rows to return, 1 to {@link #MAX_PAGE}
   * @return the rows
   * @throws ValidationException if the offset or limit is out of range
   */
  public List<ResolutionRow> resolutions(String tenant, int offset, int limit) {
    checkPage(offset, limit);
    String t = Checks.id("tenant", tenant);
    return projection.query(c -> {
      List<ResolutionRow> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT motion_id, meeting_id, kind, title_zh, title_en, subject, decision_rule,"
          + " votes_yes, votes_no, votes_abstain, seats_present, seats, closed_at FROM linli_gov_motion"
          + " WHERE tenant = ? AND outcome = 'ADOPTED' ORDER BY closed_at DESC, motion_id LIMIT ? OFFSET ?")) {
        p.setString(1, t);
        p.setInt(2, limit);
        p.setInt(3, offset);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new ResolutionRow(r.getString(1), r.getString(2), MotionKind.valueOf(r.getString(3)),
                io.github.linli.core.Label.of(r.getString(4), r.getString(5)), Optional.ofNullable(r.getString(6)).map(MemberId::of),
                DecisionRule.valueOf(r.getString(7)), r.getInt(8), r.getInt(9), r.getInt(10), r.getInt(11), r.getInt(12),
                r.getObject(13, OffsetDateTime.class).toInstant()));
          }
        }
      }
      return out;
    });
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new ValidationException("offset", offset, "must be 0 or more");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new ValidationException("limit", limit, "must be 1 to " + MAX_PAGE);
    }
  }

  /** Returns the projection's name. */
  @Override
  public String toString() {
    return "MeetingReadModel{" + NAME + "}";
  }

  /**
   * One meeting as the meetings page shows it.
   *
   * @param meetingId the meeting's id
   * @param convenedAt when it was convened
   * @param convenedBy the actor id of who convened it
   * @param seats the number of seats
   * @param motions the number of motions proposed
   * @param resolutions the number of motions adopted
   * @param adjourned whether it is adjourned
   * @since 0.2.0
   */
  public record MeetingRow(String meetingId, Instant convenedAt, String convenedBy, int seats, int motions, int resolutions,
      boolean adjourned) {}

  /**
   * One resolution as the resolutions page shows it: the same figures as {@link Resolution}.
   *
   * @param resolutionId the resolution's (and its motion's) id
   * @param meetingId the meeting that adopted it
   * @param kind the motion's kind
   * @param title the motion's title
   * @param subject the member a membership motion concerns
   * @param rule the decision rule
   * @param yes yes votes
   * @param no no votes
   * @param abstain abstentions
   * @param present seats present at the close
   * @param seats seats of the meeting
   * @param decidedAt when the motion was closed
   * @since 0.2.0
   */
  public record ResolutionRow(String resolutionId, String meetingId, MotionKind kind, io.github.linli.core.Label title,
      Optional<MemberId> subject, DecisionRule rule, int yes, int no, int abstain, int present, int seats, Instant decidedAt) {}

  /** The projection: one event, one or two row changes. */
  private static final class Projection extends TableProjection {
    Projection(EventStore store, DataSource dataSource) {
      super(NAME, store, dataSource, List.of(MeetingEvents.CATEGORY));
    }

    <T> T query(Work<T> work) {
      return inTransaction(work);
    }

    @Override
    protected void handle(Connection c, RecordedEvent e) throws SQLException {
      JsonFields f = MeetingEvents.read(e);
      String tenant = e.stream().tenant();
      String meeting = e.stream().id();
      OffsetDateTime at = OffsetDateTime.ofInstant(f.instant("at"), ZoneOffset.UTC);
      try {
        switch (e.type()) {
          case MeetingEvents.CONVENED -> update(c, "INSERT INTO linli_gov_meeting (tenant, meeting_id, convened_at, convened_by, seats,"
              + " motions, resolutions, adjourned) VALUES (?, ?, ?, ?, ?, 0, 0, FALSE)", tenant, meeting, at, f.id("actorId"),
              f.array("seats").size());
          case MeetingEvents.MOTION_PROPOSED -> {
            String motionId = f.id("motionId");
            Motion m = MeetingJson.motion(f.obj("motion", MeetingJson.MOTION));
            int seq = Integer.parseInt(motionId.substring(motionId.lastIndexOf('/') + 1));
            update(c, "INSERT INTO linli_gov_motion (tenant, motion_id, meeting_id, seq, kind, title_zh, title_en, subject, proposed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, motionId, meeting, seq, m.kind().name(), m.title().zh(),
                m.title().en(), m.subject().map(MemberId::value).orElse(null), at);
            update(c, "UPDATE linli_gov_meeting SET motions = motions + 1 WHERE tenant = ? AND meeting_id = ?", tenant, meeting);
          }
          case MeetingEvents.MOTION_CLOSED -> {
            String outcome = f.string("outcome");
            update(c, "UPDATE linli_gov_motion SET outcome = ?, decision_rule = ?, votes_yes = ?, votes_no = ?, votes_abstain = ?,"
                + " seats_present = ?, seats = ?, closed_at = ? WHERE tenant = ? AND motion_id = ?", outcome, f.string("rule"),
                (int) f.integer("yes", 0, Integer.MAX_VALUE), (int) f.integer("no", 0, Integer.MAX_VALUE),
                (int) f.integer("abstain", 0, Integer.MAX_VALUE), (int) f.integer("present", 0, Integer.MAX_VALUE),
                (int) f.integer("seats", 0, Integer.MAX_VALUE), at, tenant, f.id("motionId"));
            if (outcome.equals(Outcome.ADOPTED.name())) {
              update(c, "UPDATE linli_gov_meeting SET resolutions = resolutions + 1 WHERE tenant = ? AND meeting_id = ?", tenant, meeting);
            }
          }
          case MeetingEvents.ADJOURNED ->
              update(c, "UPDATE linli_gov_meeting SET adjourned = TRUE WHERE tenant = ? AND meeting_id = ?", tenant, meeting);
          default -> {
            // attendance, proxies and ballots are not on these pages
          }
        }
      } catch (ValidationException | NumberFormatException ex) {
        throw MeetingEvents.unreadable(e, ex);
      }
    }

    @Override
    protected void clear(Connection c, String tenant) throws SQLException {
      update(c, "DELETE FROM linli_gov_motion WHERE tenant = ?", tenant);
      update(c, "DELETE FROM linli_gov_meeting WHERE tenant = ?", tenant);
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          Object a = args[i];
          if (a == null) {
            p.setNull(i + 1, Types.VARCHAR);
          } else if (a instanceof Integer) {
            p.setInt(i + 1, (Integer) a);
          } else if (a instanceof OffsetDateTime) {
            p.setObject(i + 1, a);
          } else {
            p.setString(i + 1, (String) a);
          }
        }
        p.executeUpdate();
      }
    }
  }
}
