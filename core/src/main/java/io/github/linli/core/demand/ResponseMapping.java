package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A community's mapping from Maslow tiers to {@link ResponseLevel}s (响应等级). The default is
 * {@link ResponseLevel#defaultFor(MaslowTier)}; a community changes a tier's level with {@link
 * #with(MaslowTier, ResponseLevel)}, which returns a new mapping.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ResponseMapping {
  private static final ResponseMapping DEFAULT = defaultsInternal();

  private final EnumMap<MaslowTier, ResponseLevel> levels;

  private ResponseMapping(EnumMap<MaslowTier, ResponseLevel> levels) {
    this.levels = levels;
  }

  private static ResponseMapping defaultsInternal() {
    EnumMap<MaslowTier, ResponseLevel> m = new EnumMap<>(MaslowTier.class);
    for (MaslowTier t : MaslowTier.values()) {
      m.put(t, ResponseLevel.defaultFor(t));
    }
    return new ResponseMapping(m);
  }

  /**
   * The default mapping: physiological and safety to basic, belonging and esteem to development,
   * self-actualisation to aspiration.
   *
   * @return the default mapping
   */
  public static ResponseMapping defaults() {
    return DEFAULT;
  }

  /**
   * A mapping that differs from this one for one tier.
   *
   * @param tier the tier
   * @param level its new level
   * @return the new mapping
   * @throws NullPointerException if an argument is null
   */
  public ResponseMapping with(MaslowTier tier, ResponseLevel level) {
    checkNotNull(tier, "tier");
    checkNotNull(level, "level");
    EnumMap<MaslowTier, ResponseLevel> m = new EnumMap<>(levels);
    m.put(tier, level);
    return new ResponseMapping(m);
  }

  /**
   * The level of a tier.
   *
   * @param tier the tier
   * @return its level
   * @throws NullPointerException if {@code tier} is null
   */
  public ResponseLevel levelFor(MaslowTier tier) {
    return levels.get(checkNotNull(tier, "tier"));
  }

  /**
   * The whole mapping.
   *
   * @return an unmodifiable map with every tier
   */
  public Map<MaslowTier, ResponseLevel> asMap() {
    return Collections.unmodifiableMap(levels);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseMapping && ((ResponseMapping) o).levels.equals(levels);
  }

  @Override
  public int hashCode() {
    return levels.hashCode();
  }

  @Override
  public String toString() {
    return "ResponseMapping" + levels;
  }
}
