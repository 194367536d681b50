package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * A service domain (服务领域): a node of a community's open taxonomy of needs and services. The
 * default taxonomy has eight domains, whose ids are the constants below.
 *
 * <p>Two domains are equal when their ids are equal. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ServiceDomain implements Labelled, Comparable<ServiceDomain> {
  /** Healthcare (医疗健康). */
  public static final ServiceDomain HEALTHCARE = new ServiceDomain("HEALTHCARE", Label.of("医疗健康", "healthcare"), null);
  /** Elderly care (养老服务). */
  public static final ServiceDomain ELDERLY_CARE = new ServiceDomain("ELDERLY_CARE", Label.of("养老服务", "elderly care"), null);
  /** Education (教育培训). */
  public static final ServiceDomain EDUCATION = new ServiceDomain("EDUCATION", Label.of("教育培训", "education"), null);
  /** Legal aid (法律服务). */
  public static final ServiceDomain LEGAL = new ServiceDomain("LEGAL", Label.of("法律服务", "legal aid"), null);
  /** Employment (就业创业). */
  public static final ServiceDomain EMPLOYMENT = new ServiceDomain("EMPLOYMENT", Label.of("就业创业", "employment"), null);
  /** Environment (环境治理). */
  public static final ServiceDomain ENVIRONMENT = new ServiceDomain("ENVIRONMENT", Label.of("环境治理", "environment"), null);
  /** Daily living (生活服务). */
  public static final ServiceDomain DAILY_LIVING = new ServiceDomain("DAILY_LIVING", Label.of("生活服务", "daily living"), null);
  /** Culture and sports (文体活动). */
  public static final ServiceDomain CULTURE_SPORTS = new ServiceDomain("CULTURE_SPORTS", Label.of("文体活动", "culture and sports"), null);

  private static final List<ServiceDomain> DEFAULTS =
      List.of(HEALTHCARE, ELDERLY_CARE, EDUCATION, LEGAL, EMPLOYMENT, ENVIRONMENT, DAILY_LIVING, CULTURE_SPORTS);

  private final String id;
  private final Label label;
  private final String parentId;

  private ServiceDomain(String id, Label label, String parentId) {
    this.id = id;
    this.label = label;
    this.parentId = parentId;
  }

  /**
   * Creates a domain of a community's own taxonomy.
   *
   * @param id the id, upper case by convention
   * @param label the zh/en label
   * @return the domain
   * @throws io.github.linli.core.ValidationException if the id is invalid
   */
  public static ServiceDomain of(String id, Label label) {
    return new ServiceDomain(Checks.id("serviceDomain.id", id), checkNotNull(label, "label"), null);
  }

  /**
   * Creates a sub-domain.
   *
   * @param id the id
   * @param label the zh/en label
   * @param parent the parent domain
   * @return the domain
   */
  public static ServiceDomain of(String id, Label label, ServiceDomain parent) {
    checkNotNull(parent, "parent");
    return new ServiceDomain(Checks.id("serviceDomain.id", id), checkNotNull(label, "label"), parent.id);
  }

  /**
   * The eight default domains, in their conventional order.
   *
   * @return an unmodifiable list
   */
  public static List<ServiceDomain> defaults() {
    return DEFAULTS;
  }

  /**
   * The id, for example {@code HEALTHCARE}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * The id of the parent domain, if this is a sub-domain.
   *
   * @return the parent id
   */
  public Optional<String> parentId() {
    return Optional.ofNullable(parentId);
  }

  @Override
  public int compareTo(ServiceDomain o) {
    return id.compareTo(o.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceDomain && ((ServiceDomain) o).id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Returns the id. */
  @Override
  public String toString() {
    return id;
  }
}
