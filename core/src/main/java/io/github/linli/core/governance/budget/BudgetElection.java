package io.github.linli.core.governance.budget;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A participatory-budget election (参与式预算投票): the budget, the projects with their costs, and
 * the ballots, one per person. Count it with {@link #count(BudgetRule)}; read and write Pabulib
 * files with {@link Pabulib}.
 *
 * <pre>{@code
 * BudgetElection e = BudgetElection.builder().budget(1100)
 *     .addProject("bike", 700).addProject("park", 250)
 *     .addBallot(BudgetBallot.approval("v1", "bike", "park"))
 *     .build();
 * e.count(BudgetRule.equalShares(Completion.ADD1, false)).selectedProjectIds();
 * }</pre>
 *
 * <p>Immutable and thread-safe; counting does not change the election. The other Pabulib META
 * entries (description, country, min_length …) are kept in {@link #meta()}.
 *
 * @since 0.1.0
 */
public final class BudgetElection {
  private final BigDecimal budget;
  private final VoteType voteType;
  private final Map<String, String> meta;
  private final List<BudgetProject> projects;
  private final List<BudgetBallot> ballots;
  private final Map<String, Integer> index;
  private final Integer minLength;
  private final Integer maxLength;
  private volatile Profile profile;

  private BudgetElection(Builder b) {
    this.budget = b.budget;
    this.voteType = b.voteType;
    this.projects = Collections.unmodifiableList(new ArrayList<>(b.projects));
    this.ballots = Collections.unmodifiableList(new ArrayList<>(b.ballots));
    this.index = Collections.unmodifiableMap(new HashMap<>(b.index));
    Map<String, String> m = new LinkedHashMap<>(b.meta);
    m.put("num_projects", Integer.toString(projects.size()));
    m.put("num_votes", Integer.toString(ballots.size()));
    m.put("budget", budget.toPlainString());
    m.put("vote_type", voteType.pabulibName());
    this.meta = Collections.unmodifiableMap(m);
    this.minLength = b.minLength;
    this.maxLength = b.maxLength;
  }

  /**
   * A builder for an approval election with no projects and no ballots.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The money to distribute.
   *
   * @return the budget, not negative
   */
  public BigDecimal budget() {
    return budget;
  }

  /**
   * How voters voted.
   *
   * @return the vote type
   */
  public VoteType voteType() {
    return voteType;
  }

  /**
   * The Pabulib META entries in file order, including {@code budget}, {@code vote_type}, {@code
   * num_projects} and {@code num_votes} (which always agree with this election).
   *
   * @return the META entries
   */
  public Map<String, String> meta() {
    return meta;
  }

  /**
   * The projects in order of listing (which breaks the last ties).
   *
   * @return the projects
   */
  public List<BudgetProject> projects() {
    return projects;
  }

  /**
   * The ballots, one per voter.
   *
   * @return the ballots
   */
  public List<BudgetBallot> ballots() {
    return ballots;
  }

  /**
   * A project by id.
   *
   * @param projectId the id
   * @return the project, if listed
   */
  public Optional<BudgetProject> project(String projectId) {
    Integer i = index.get(projectId);
    return i == null ? Optional.empty() : Optional.of(projects.get(i));
  }

  /**
   * A project's support: the number of ballots supporting it (approval, choose-1), the sum of its
   * positive points (cumulative, scoring), or its Borda points (ordinal: L points for a first
   * choice, L − 1 for a second … at least 1, with L = {@code max_length} or else the ballot's
   * length; Kraków's 3-2-1 and Gdynia's 5-4-3-2-1). Greedy counts by this, as Pabulib's {@code
   * score} column does.
   *
   * @param projectId the id
   * @return the support
   * @throws ValidationException if the project is not listed
   */
  public BigDecimal support(String projectId) {
    Integer i = index.get(projectId);
    if (i == null) {
      throw new ValidationException("projectId", projectId, "is not a project of this election");
    }
    return profile().support[i];
  }

  /**
   * The fewest projects a non-empty ballot must choose (META {@code min_length}), if set.
   *
   * @return the minimum
   */
  public OptionalInt minLength() {
    return minLength == null ? OptionalInt.empty() : OptionalInt.of(minLength);
  }

  /**
   * The most projects a ballot may choose (META {@code max_length}), if set.
   *
   * @return the maximum
   */
  public OptionalInt maxLength() {
    return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
  }

  /**
   * Checks a ballot against this election's rules before it is cast: known projects, points only
   * on point ballots, the number of projects within {@code min_length}…{@code max_length} (an empty
   * ballot is an abstention and always allowed), and for point ballots {@code min_points}, {@code
   * max_points} and {@code max_sum_points} when the META section sets them.
   *
   * @param ballot the ballot
   * @throws ValidationException naming the rule the ballot breaks
   * @throws NullPointerException if {@code ballot} is null
   */
  public void checkBallot(BudgetBallot ballot) {
    checkNotNull(ballot, "ballot");
    checkShape(ballot, voteType, index);
    int size = ballot.projectIds().size();
    String field = "ballot(" + ballot.voterId() + ")";
    if (size > 0 && minLength != null && size < minLength) {
      throw new ValidationException(field, size, "chooses fewer projects than min_length " + minLength);
    }
    if (maxLength != null && size > maxLength) {
      throw new ValidationException(field, size, "chooses more projects than max_length " + maxLength);
    }
    if (voteType.hasPoints()) {
      BigDecimal sum = BigDecimal.ZERO;
      BigDecimal min = decimalMeta("min_points");
      BigDecimal max = decimalMeta("max_points");
      for (BigDecimal x : ballot.points()) {
        sum = sum.add(x);
        if (min != null && x.compareTo(min) < 0) {
          throw new ValidationException(field, x, "gives fewer points than min_points " + min);
        }
        if (max != null && x.compareTo(max) > 0) {
          throw new ValidationException(field, x, "gives more points than max_points " + max);
        }
      }
      BigDecimal maxSum = decimalMeta("max_sum_points");
      if (maxSum != null && sum.compareTo(maxSum) > 0) {
        throw new ValidationException(field, sum, "gives more points than max_sum_points " + maxSum);
      }
    }
  }

  private BigDecimal decimalMeta(String key) {
    String v = meta.get(key);
    if (v == null) {
      return null;
    }
    try {
      return Pabulib.decimal(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Counts the election with a rule. See {@link BudgetRule} for the rules' exact definitions.
   *
   * <p>Greedy is O(m log m) for m projects. Equal shares is one exact run per Add1 raise (for
   * approval ballots each run is roughly linear in the number of votes cast; see {@link
   * BudgetRule}); a 10,000-voter election typically counts in milliseconds (see {@code
   * benchmarks/README.md}).
   *
   * @param rule the rule
   * @return the outcome
   * @throws NullPointerException if {@code rule} is null
   */
  public BudgetOutcome count(BudgetRule rule) {
    return Counting.count(this, checkNotNull(rule, "rule"), false);
  }

  Profile profile() {
    Profile p = profile;
    if (p == null) {
      int ordinalLength =
          voteType != VoteType.ORDINAL ? -1 : maxLength == null ? 0 : Math.max(0, maxLength);
      p = new Profile(budget, projects, index, ballots, voteType.hasPoints(), ordinalLength);
      profile = p;
    }
    return p;
  }

  static void checkShape(BudgetBallot ballot, VoteType voteType, Map<String, Integer> index) {
    String field = "ballot(" + ballot.voterId() + ")";
    for (String p : ballot.projectIds()) {
      if (!index.containsKey(p)) {
        throw new ValidationException(field, p, "votes for a project that is not listed");
      }
    }
    if (voteType.hasPoints()) {
      if (ballot.points().size() != ballot.projectIds().size()) {
        throw new ValidationException(
            field, ballot.points().size(), article(voteType.pabulibName()) + " ballot needs points for each project");
      }
      if (voteType == VoteType.CUMULATIVE) {
        for (BigDecimal x : ballot.points()) {
          if (x.signum() < 0) {
            throw new ValidationException(field, x, "cumulative points must not be negative");
          }
        }
      }
    } else if (!ballot.points().isEmpty()) {
      throw new ValidationException(
          field, ballot.points(), article(voteType.pabulibName()) + " ballot has no points");
    }
    if (voteType == VoteType.CHOOSE_ONE && ballot.projectIds().size() > 1) {
      throw new ValidationException(field, ballot.projectIds().size(), "a choose-1 ballot chooses one project");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BudgetElection)) {
      return false;
    }
    BudgetElection e = (BudgetElection) o;
    return e.budget.compareTo(budget) == 0
        && e.voteType == voteType
        && e.meta.equals(meta)
        && e.projects.equals(projects)
        && e.ballots.equals(ballots);
  }

  @Override
  public int hashCode() {
    return Objects.hash(voteType, meta, projects, ballots);
  }

  /** Returns the vote type, budget and numbers of projects and ballots. */
  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  @Override
  public String toString() {
    return "BudgetElection{"
        + voteType.pabulibName()
        + ", budget "
        + budget.toPlainString()
        + ", "
        + plural(projects.size(), "project")
        + ", "
        + plural(ballots.size(), "ballot")
        + "}";
  }

  /**
   * Builds a {@link BudgetElection}, checking as it goes: every error names the field and the
   * value, and leaves the builder as it was. Not thread-safe.
   */
  public static final class Builder {
    private BigDecimal budget = BigDecimal.ZERO;
    private VoteType voteType = VoteType.APPROVAL;
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final List<BudgetProject> projects = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<BudgetBallot> ballots = new ArrayList<>();
    private final Set<String> voters = new HashSet<>();
    private Integer minLength;
    private Integer maxLength;

    Builder() {}

    /**
     * Sets the budget.
     *
     * @param budget the money to distribute, not negative, at most 30 digits before and after the
     *     point
     * @return this builder
     * @throws ValidationException if negative, null or too long
     */
    public Builder budget(BigDecimal budget) {
      Checks.present("budget", budget);
      if (budget.signum() < 0) {
        throw new ValidationException("budget", budget, "must not be negative");
      }
      if (!Pabulib.withinDigits(budget)) {
        throw new ValidationException("budget", "(" + budget.precision() + " digits, scale " + budget.scale() + ")",
            "must have at most " + Pabulib.MAX_DIGITS + " digits before and after the point");
      }
      this.budget = budget;
      return this;
    }

    /**
     * Sets the budget in whole currency units.
     *
     * @param budget the money to distribute, not negative
     * @return this builder
     * @throws ValidationException if negative
     */
    public Builder budget(long budget) {
      return budget(BigDecimal.valueOf(budget));
    }

    /**
     * Sets the vote type (default approval). Set it before adding ballots.
     *
     * @param voteType the vote type
     * @return this builder
     * @throws ValidationException if null, or if ballots were already added
     */
    public Builder voteType(VoteType voteType) {
      Checks.present("voteType", voteType);
      if (!ballots.isEmpty() && voteType != this.voteType) {
        throw new ValidationException("voteType", voteType, "must be set before ballots are added");
      }
      this.voteType = voteType;
      return this;
    }

    /**
     * Adds or replaces a META entry, for example {@code description} or {@code max_length}. The
     * entries {@code budget}, {@code vote_type}, {@code num_projects} and {@code num_votes} are
     * taken from the election itself.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     * @throws ValidationException if the key is blank, or {@code min_length}/{@code max_length} is
     *     not a whole number
     */
    public Builder meta(String key, String value) {
      Checks.id("meta.key", key);
      Checks.present("meta." + key, value);
      Integer length = null;
      if (key.equals("min_length") || key.equals("max_length")) {
        try {
          length = Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
          throw new ValidationException("meta." + key, value, "must be a whole number");
        }
      }
      if (key.equals("min_length")) {
        minLength = length;
      } else if (key.equals("max_length")) {
        maxLength = length;
      }
      meta.put(key, value);
      return this;
    }

    /**
     * Adds a project at the end of the listing.
     *
     * @param project the project
     * @return this builder
     * @throws ValidationException if a project with that id is already listed
     */
    public Builder addProject(BudgetProject project) {
      Checks.present("project", project);
      if (index.containsKey(project.id())) {
        throw new ValidationException("project.id", project.id(), "is listed twice");
      }
      index.put(project.id(), projects.size());
      projects.add(project);
      return this;
    }

    /**
     * Adds a project with a whole-unit cost at the end of the listing.
     *
     * @param id the id
     * @param cost the cost, not negative
     * @return this builder
     * @throws ValidationException if the id is invalid or taken, or the cost negative
     */
    public Builder addProject(String id, long cost) {
      return addProject(BudgetProject.of(id, cost));
    }

    /**
     * Adds a ballot. One person, one ballot: a second ballot from the same voter id is refused (to
     * merge paper and online ballots first, see {@link MergedBallots}).
     *
     * @param ballot the ballot, for listed projects only
     * @return this builder
     * @throws ValidationException if the voter already voted, a project is not listed, or the
     *     points do not suit the vote type
     */
    public Builder addBallot(BudgetBallot ballot) {
      Checks.present("ballot", ballot);
      if (voters.contains(ballot.voterId())) {
        throw new ValidationException(
            "ballot.voterId", ballot.voterId(), "has already voted (one person, one ballot)");
      }
      checkShape(ballot, voteType, index);
      voters.add(ballot.voterId());
      ballots.add(ballot);
      return this;
    }

    /**
     * Adds ballots in order; on an error none of them is added.
     *
     * @param ballots the ballots
     * @return this builder
     * @throws ValidationException as {@link #addBallot(BudgetBallot)}
     */
    public Builder addBallots(Iterable<BudgetBallot> ballots) {
      Checks.present("ballots", ballots);
      Set<String> seen = new HashSet<>();
      List<BudgetBallot> list = new ArrayList<>();
      for (BudgetBallot b : ballots) {
        Checks.present("ballot", b);
        if (voters.contains(b.voterId()) || !seen.add(b.voterId())) {
          throw new ValidationException(
              "ballot.voterId", b.voterId(), "has already voted (one person, one ballot)");
        }
        checkShape(b, voteType, index);
        list.add(b);
      }
      for (BudgetBallot b : list) {
        voters.add(b.voterId());
        this.ballots.add(b);
      }
      return this;
    }

    /**
     * Builds the election.
     *
     * @return the election
     */
    public BudgetElection build() {
      return new BudgetElection(this);
    }
  }
}
