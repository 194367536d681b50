// The Linli tour: run it with  ./linli-jshell docs/tour.jsh
// It walks through what Linli can do today. Each module adds its part as it lands.

System.out.println("Linli (邻里) tour");
System.out.println("================");

// 1. The shared vocabulary: every label exists in Chinese and English.
System.out.println("\nMaslow tiers and their default response levels:");
for (MaslowTier t : MaslowTier.values()) {
  System.out.printf(java.util.Locale.ROOT, "  %-20s %-6s -> %s%n",
      t.label().en(), t.label().zh(), ResponseLevel.defaultFor(t).label());
}

System.out.println("\nThe eight default service domains:");
for (ServiceDomain d : ServiceDomain.defaults()) {
  System.out.printf(java.util.Locale.ROOT, "  %-15s %s%n", d.id(), d.label());
}

// 2. Actors and permissions: every state-changing operation checks who asks.
Actor resident = Actor.of("resident-0042", Role.RESIDENT);
try {
  resident.require("member.admit", java.util.Set.of(Role.ALLIANCE_ADMIN));
} catch (PermissionDeniedException e) {
  System.out.println("\nRefused as expected: " + e.getMessage());
}

// 3. Observations: how modules report figures to the scorecard.
Observation served = Observation.builder()
    .indicatorId("matching.served_share")
    .value(0.87)
    .period(Period.month(YearMonth.of(2026, 10)))
    .scope("lishan")
    .unit("share")
    .source("matching")
    .build();
System.out.println("\nAn observation: " + served);
System.out.println("\nTour finished.");
