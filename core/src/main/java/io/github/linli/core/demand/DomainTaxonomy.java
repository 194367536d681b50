package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ConflictException;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned, open taxonomy of {@link ServiceDomain}s (服务领域分类): the need categories a
 * community works with. The default is the eight domains of {@link ServiceDomain#defaults()}
 * ({@code linli-default}, version 1); a community adopts its own, usually by a joint-meeting
 * resolution, identified by {@link #key()} ({@code id@version}).
 *
 * <p>Domains may have a parent in the same taxonomy (a tree, at most {@value #MAX_DEPTH} deep);
 * {@link #rootOf(ServiceDomain)} maps a sub-domain to its top-level domain. A new version is made
 * with {@link #withDomain(ServiceDomain)} or {@link #builder(String, int)}; a taxonomy never
 * changes.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DomainTaxonomy {
  /** The id of the default taxonomy. */
  public static final String DEFAULT_ID = "linli-default";

  /** Deepest allowed nesting of sub-domains. */
  public static final int MAX_DEPTH = 8;

  private static final DomainTaxonomy DEFAULT = builder(DEFAULT_ID, 1).addAll(ServiceDomain.defaults()).build();

  private final String id;
  private final int version;
  private final Map<String, ServiceDomain> byId;
  private final List<ServiceDomain> domains;

  private DomainTaxonomy(String id, int version, Map<String, ServiceDomain> byId) {
    this.id = id;
    this.version = version;
    this.byId = Collections.unmodifiableMap(byId);
    this.domains = List.copyOf(byId.values());
  }

  /**
   * The default taxonomy: the eight domains of {@link ServiceDomain#defaults()}, id {@value
   * #DEFAULT_ID}, version 1.
   *
   * @return the default taxonomy
   */
  public static DomainTaxonomy defaultTaxonomy() {
    return DEFAULT;
  }

  /**
   * Starts a taxonomy.
   *
   * @param id the taxonomy id, for example {@code lishan-2026}
   * @param version its version, at least 1
   * @return a builder
   * @throws ValidationException if the id is not a valid id or the version is below 1
   */
  public static Builder builder(String id, int version) {
    return new Builder(Checks.id("taxonomy.id", id), version);
  }

  /**
   * The taxonomy id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The version.
   *
   * @return the version, at least 1
   */
  public int version() {
    return version;
  }

  /**
   * The stable key a resolution refers to: {@code id@version}.
   *
   * @return the key
   */
  public String key() {
    return id + "@" + version;
  }

  /**
   * The domains, parents before their children, in the order they were added.
   *
   * @return an unmodifiable list
   */
  public List<ServiceDomain> domains() {
    return domains;
  }

  /**
   * Looks a domain up by id.
   *
   * @param domainId the id
   * @return the domain, if in this taxonomy
   * @throws NullPointerException if {@code domainId} is null
   */
  public Optional<ServiceDomain> find(String domainId) {
    return Optional.ofNullable(byId.get(checkNotNull(domainId, "domainId")));
  }

  /**
   * Whether a domain (by id) is in this taxonomy.
   *
   * @param domain the domain
   * @return true if present
   * @throws NullPointerException if {@code domain} is null
   */
  public boolean contains(ServiceDomain domain) {
    return byId.containsKey(checkNotNull(domain, "domain").id());
  }

  /**
   * The direct sub-domains of a domain.
   *
   * @param parent the parent
   * @return the children, possibly empty
   * @throws NullPointerException if {@code parent} is null
   */
  public List<ServiceDomain> children(ServiceDomain parent) {
    checkNotNull(parent, "parent");
    List<ServiceDomain> out = new ArrayList<>();
    for (ServiceDomain d : domains) {
      if (d.parentId().filter(parent.id()::equals).isPresent()) {
        out.add(d);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The top-level ancestor of a domain of this taxonomy (the domain itself if it has no parent).
   *
   * @param domain a domain of this taxonomy
   * @return its root
   * @throws NullPointerException if {@code domain} is null
   * @throws ValidationException if the domain is not in this taxonomy
   */
  public ServiceDomain rootOf(ServiceDomain domain) {
    checkNotNull(domain, "domain");
    ServiceDomain d = byId.get(domain.id());
    if (d == null) {
      throw new ValidationException("domain", domain.id(), "not in taxonomy " + key());
    }
    while (d.parentId().isPresent()) {
      d = byId.get(d.parentId().get());
    }
    return d;
  }

  /**
   * The next version of this taxonomy with one more domain.
   *
   * @param domain the new domain; its parent, if any, must be in this taxonomy
   * @return a taxonomy with the same id and {@code version + 1}
   * @throws NullPointerException if {@code domain} is null
   * @throws ConflictException if a domain with that id exists already
   * @throws ValidationException if its parent is unknown
   */
  public DomainTaxonomy withDomain(ServiceDomain domain) {
    checkNotNull(domain, "domain");
    return builder(id, version + 1).addAll(domains).add(domain).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainTaxonomy
        && ((DomainTaxonomy) o).id.equals(id)
        && ((DomainTaxonomy) o).version == version
        && ((DomainTaxonomy) o).domains.equals(domains);
  }

  @Override
  public int hashCode() {
    return key().hashCode() * 31 + domains.hashCode();
  }

  @Override
  public String toString() {
    return "DomainTaxonomy{" + key() + " " + domains + "}";
  }

  /** Builds a {@link DomainTaxonomy}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final int version;
    private final LinkedHashMap<String, ServiceDomain> byId = new LinkedHashMap<>();

    Builder(String id, int version) {
      if (version < 1) {
        throw new ValidationException("taxonomy.version", version, "must be at least 1");
      }
      this.id = id;
      this.version = version;
    }

    /**
     * Adds a domain; a parent must have been added before.
     *
     * @param domain the domain
     * @return this builder
     * @throws NullPointerException if {@code domain} is null
     * @throws ConflictException if a domain with that id was added already
     * @throws ValidationException if its parent is unknown or the tree gets too deep
     */
    public Builder add(ServiceDomain domain) {
      checkNotNull(domain, "domain");
      if (byId.containsKey(domain.id())) {
        throw new ConflictException("taxonomy " + id + "@" + version + " already has domain " + domain.id());
      }
      Optional<String> parent = domain.parentId();
      if (parent.isPresent()) {
        if (!byId.containsKey(parent.get())) {
          throw new ValidationException("domain.parentId", parent.get(), "is not a domain of taxonomy " + id + "@" + version);
        }
        int depth = 1;
        ServiceDomain p = byId.get(parent.get());
        while (p.parentId().isPresent()) {
          depth++;
          p = byId.get(p.parentId().get());
        }
        if (depth >= MAX_DEPTH) {
          throw new ValidationException("domain.parentId", parent.get(), "nesting deeper than " + MAX_DEPTH);
        }
      }
      byId.put(domain.id(), domain);
      return this;
    }

    /**
     * Adds domains in order.
     *
     * @param domains the domains
     * @return this builder
     * @throws NullPointerException if {@code domains} or an element is null
     */
    public Builder addAll(Iterable<ServiceDomain> domains) {
      checkNotNull(domains, "domains");
      for (ServiceDomain d : domains) {
        add(d);
      }
      return this;
    }

    /**
     * Builds the taxonomy.
     *
     * @return the taxonomy
     * @throws ValidationException if no domain was added
     */
    public DomainTaxonomy build() {
      if (byId.isEmpty()) {
        throw new ValidationException("taxonomy.domains", 0, "must hold at least one domain");
      }
      return new DomainTaxonomy(id, version, new LinkedHashMap<>(byId));
    }
  }
}
