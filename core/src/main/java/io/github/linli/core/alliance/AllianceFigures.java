package io.github.linli.core.alliance;

import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.demand.ServiceDomain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry's figures for one community on one day, as source 004 reports them ("more than 40
 * units … 77 projects, 33 of them free … more than 5,000 residents hold a benefit card"): active
 * members, valid projects of active members, free projects, split by domain and by member kind, and
 * active card holders.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AllianceFigures {
  private final String community;
  private final LocalDate asOf;
  private final Map<MemberKind, Integer> membersByKind;
  private final Map<ServiceDomain, Integer> projectsByDomain;
  private final Map<ServiceDomain, Integer> freeProjectsByDomain;
  private final Map<MemberKind, Integer> projectsByKind;
  private final int cardHolders;

  AllianceFigures(
      String community,
      LocalDate asOf,
      Map<MemberKind, Integer> membersByKind,
      Map<ServiceDomain, Integer> projectsByDomain,
      Map<ServiceDomain, Integer> freeProjectsByDomain,
      Map<MemberKind, Integer> projectsByKind,
      int cardHolders) {
    this.community = community;
    this.asOf = asOf;
    this.membersByKind = Collections.unmodifiableMap(membersByKind);
    this.projectsByDomain = Collections.unmodifiableMap(projectsByDomain);
    this.freeProjectsByDomain = Collections.unmodifiableMap(freeProjectsByDomain);
    this.projectsByKind = Collections.unmodifiableMap(projectsByKind);
    this.cardHolders = cardHolders;
  }

  /**
   * The community.
   *
   * @return the community id
   */
  public String community() {
    return community;
  }

  /**
   * The day the figures describe (status at the end of that day).
   *
   * @return the day
   */
  public LocalDate asOf() {
    return asOf;
  }

  /**
   * Active members.
   *
   * @return the count
   */
  public int members() {
    return sum(membersByKind);
  }

  /**
   * Active members by kind (kinds with none are left out).
   *
   * @return an unmodifiable sorted map
   */
  public Map<MemberKind, Integer> membersByKind() {
    return membersByKind;
  }

  /**
   * Projects: pledges valid on the day, of members active on the day.
   *
   * @return the count
   */
  public int projects() {
    return sum(projectsByDomain);
  }

  /**
   * Free projects among {@link #projects()}.
   *
   * @return the count
   */
  public int freeProjects() {
    return sum(freeProjectsByDomain);
  }

  /**
   * Projects by service domain.
   *
   * @return an unmodifiable sorted map
   */
  public Map<ServiceDomain, Integer> projectsByDomain() {
    return projectsByDomain;
  }

  /**
   * Free projects by service domain.
   *
   * @return an unmodifiable sorted map
   */
  public Map<ServiceDomain, Integer> freeProjectsByDomain() {
    return freeProjectsByDomain;
  }

  /**
   * Projects by the kind of the pledging member.
   *
   * @return an unmodifiable sorted map
   */
  public Map<MemberKind, Integer> projectsByKind() {
    return projectsByKind;
  }

  /**
   * Residents holding an active, unexpired card (cards are counted for the alliance as a whole, not
   * per community, since a card is not bound to one).
   *
   * @return the count
   */
  public int cardHolders() {
    return cardHolders;
  }

  /**
   * The figures as core observations for the scorecard: {@code alliance.members}, {@code
   * alliance.projects}, {@code alliance.free_projects}, {@code alliance.card_holders}, and {@code
   * alliance.projects.<DOMAIN>} per domain, unit {@code count}, source {@code alliance}, scope the
   * community.
   *
   * @param period the period to report them under (normally one containing {@link #asOf()})
   * @return the observations
   */
  public List<Observation> observations(Period period) {
    List<Observation> out = new ArrayList<>();
    out.add(obs("alliance.members", members(), period));
    out.add(obs("alliance.projects", projects(), period));
    out.add(obs("alliance.free_projects", freeProjects(), period));
    out.add(obs("alliance.card_holders", cardHolders, period));
    for (Map.Entry<ServiceDomain, Integer> e : projectsByDomain.entrySet()) {
      out.add(obs("alliance.projects." + e.getKey().id().toLowerCase(Locale.ROOT), e.getValue(), period));
    }
    return out;
  }

  private Observation obs(String id, double value, Period period) {
    return Observation.builder()
        .indicatorId(id)
        .value(value)
        .period(period)
        .scope(community)
        .unit("count")
        .source("alliance")
        .build();
  }

  private static <K> int sum(Map<K, Integer> m) {
    int s = 0;
    for (int v : m.values()) {
      s += v;
    }
    return s;
  }

  /** Returns the headline figures and the splits. */
  @Override
  public String toString() {
    return "AllianceFigures{" + community + " " + asOf + ": members=" + members() + " " + membersByKind
        + ", projects=" + projects() + ", free=" + freeProjects() + ", byDomain=" + projectsByDomain
        + ", byKind=" + projectsByKind + ", cardHolders=" + cardHolders + "}";
  }
}
