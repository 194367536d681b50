package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.StreamId;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.ActionChain;

/**
 * Issue 14: for random command sequences (attendance, proxies, motions, ballots, closes, an
 * adjournment, refused calls among them), the meeting loaded from the store equals the live one
 * after every step, and the stream holds exactly one event per change: a refused call wrote nothing.
 * On the in-memory store and on H2 (the JDBC path); the actions and the model are {@link
 * MeetingProperties}'.
 */
class MeetingStoreProperties {
  private static final Db H2 = Db.h2();
  private static final EventStore JDBC = EventStores.jdbc(H2);

  @AfterContainer
  static void drop() {
    H2.drop();
  }

  /** A world whose meeting lives in {@code store}, in a tenant of its own, and the store and tenant. */
  record Stored(MeetingProperties.World world, EventStore store, String tenant) {}

  @Property(tries = 100)
  void inMemoryStore_loadedEqualsLive(@ForAll("inMemory") ActionChain<MeetingProperties.World> chain) {
    chain.withInvariant("model", MeetingProperties::invariants).withInvariant("loaded = live", MeetingStoreProperties::loadedEqualsLive)
        .run();
  }

  @Property(tries = 25)
  void h2Store_loadedEqualsLive(@ForAll("h2") ActionChain<MeetingProperties.World> chain) {
    chain.withInvariant("model", MeetingProperties::invariants).withInvariant("loaded = live", MeetingStoreProperties::loadedEqualsLive)
        .run();
  }

  @Provide
  Arbitrary<ActionChain<MeetingProperties.World>> inMemory() {
    return MeetingProperties.chain(() -> world(EventStores.inMemory()));
  }

  @Provide
  Arbitrary<ActionChain<MeetingProperties.World>> h2() {
    return MeetingProperties.chain(() -> world(JDBC));
  }

  /** Which store and tenant each world's meeting lives in. */
  private static final java.util.Map<MeetingProperties.World, Stored> WHERE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  static MeetingProperties.World world(EventStore store) {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    MeetingProperties.World w = new MeetingProperties.World(tenant.hashCode() % 2 == 0, store, tenant);
    WHERE.put(w, new Stored(w, store, tenant));
    return w;
  }

  static void loadedEqualsLive(MeetingProperties.World w) {
    Stored s = WHERE.get(w);
    JointMeeting loaded = JointMeeting.load(s.store(), s.tenant(), "jm", w.clock);
    assertEquals(GovernanceStoreContract.state(w.meeting), GovernanceStoreContract.state(loaded));
    assertEquals(w.meeting.minutes(), loaded.minutes());
    assertEquals(w.meeting.minutes().size(), s.store().version(StreamId.of(s.tenant(), "meeting", "jm")),
        "one event per successful change, none for a refused call");
  }
}
