package io.github.linli.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.linli.core.Labelled;
import io.github.linli.core.OpaqueId;
import io.github.linli.jackson.internal.Accessors;
import io.github.linli.jackson.internal.Catalogue;
import io.github.linli.jackson.internal.Readers;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sweeps every public type of every package Linli's modules export (read from each module's
 * module-info), and holds the module to it: each is an enum, a value the module writes (and reads,
 * where it has a builder or factory), or a reviewed non-value below with its reason. A new exported
 * type that is none of these fails the build.
 */
class LinliModuleSweepTest {
  /** Exported types that are not values, each with the reason; reviewed by hand. */
  static final Map<String, String> NON_VALUES = new TreeMap<>(Map.ofEntries(
      Map.entry("io.github.linli.core.Labelled", "an interface of labelled enums, which are swept as enums"),
      Map.entry("io.github.linli.core.mediation.Mediation", "a service: the mediation desk over the event store"),
      Map.entry("io.github.linli.core.mediation.MediationRules", "configuration (deadlines, reopen window) built in code"),
      Map.entry("io.github.linli.core.mediation.RoutingRule", "a rule (a function from a need to a routing proposal)"),
      Map.entry("io.github.linli.matching.dispatch.Dispatcher", "a service: commitments over the event store"),
      Map.entry("io.github.linli.matching.dispatch.DispatchPolicy", "configuration (preempt or wait, move bounds) built in code"),
      Map.entry("io.github.linli.matching.dispatch.GridMap", "a lookup from grid cells to points, built in code"),
      Map.entry("io.github.linli.matching.dispatch.NeedDirectory", "an interface looking needs up"),
      Map.entry("io.github.linli.scorecard.Chart", "a renderer of SVG and PNG figures"),
      Map.entry("io.github.linli.scorecard.survey.AnswerOptions", "a mapping from option texts to scores, built in code"),
      Map.entry("io.github.linli.scorecard.survey.SurveyFile", "a reader of survey exports"),
      Map.entry("io.github.linli.core.Mandate", "an interface (an authority for an action), not data for a client"),
      Map.entry("io.github.linli.core.alliance.Alliance", "a service: the alliance aggregate over the event store"),
      Map.entry("io.github.linli.core.alliance.AllianceReadModels", "a service: read models kept in tables"),
      Map.entry("io.github.linli.core.governance.JointMeeting", "a service: the meeting aggregate"),
      Map.entry("io.github.linli.core.governance.MeetingReadModel", "a service: a read model kept in tables"),
      Map.entry("io.github.linli.core.governance.VolunteerHoursSource", "an interface supplying figures"),
      Map.entry("io.github.linli.core.governance.ContributionValues", "a function (weights applied to contributions)"),
      Map.entry("io.github.linli.core.governance.budget.BudgetRound", "a service: a participatory-budget aggregate"),
      Map.entry("io.github.linli.core.governance.budget.Pabulib", "a parser/writer of the Pabulib file format"),
      Map.entry("io.github.linli.core.demand.DemandClassifier", "an interface (a classifier service)"),
      Map.entry("io.github.linli.core.demand.DemandIntake", "a service: the demands aggregate"),
      Map.entry("io.github.linli.core.demand.DemandPages", "a service: read models kept in tables"),
      Map.entry("io.github.linli.core.demand.TaxonomyRegistry", "a service (refresh() reads the store)"),
      Map.entry("io.github.linli.core.privacy.AccessLog", "an interface (a service)"),
      Map.entry("io.github.linli.core.privacy.AccessPolicy", "an interface (a service)"),
      Map.entry("io.github.linli.core.privacy.Masking", "static helpers"),
      Map.entry("io.github.linli.core.privacy.PersonalDataStore", "an interface (the personal-data service)"),
      Map.entry("io.github.linli.core.privacy.Protector", "an interface (encryption keys): must never be serialised"),
      Map.entry("io.github.linli.core.sample.SampleCommunity", "a generator of synthetic data; its residents and needs are values"),
      Map.entry("io.github.linli.core.store.EventStore", "an interface (the store)"),
      Map.entry("io.github.linli.core.store.EventStores", "factories of stores"),
      Map.entry("io.github.linli.core.store.Migrations", "the list of migration scripts"),
      Map.entry("io.github.linli.core.store.EventStores$JdbcBuilder", "a builder of a store"),
      Map.entry("io.github.linli.scorecard.methods.Reliability$Accumulator", "a mutable accumulator of answers"),
      Map.entry("io.github.linli.matching.Matcher", "an interface (an algorithm)"),
      Map.entry("io.github.linli.matching.StreamingMatcher", "an interface (a stateful matcher service)"),
      Map.entry("io.github.linli.matching.StreamingMatcher$Session", "a stateful session, one per thread"),
      Map.entry("io.github.linli.matching.solver.MaxWeightBMatching", "an algorithm over primitive arrays"),
      Map.entry("io.github.linli.timebank.TimeBank", "a service: the ledger"),
      Map.entry("io.github.linli.timebank.ServiceExchanges", "a service: exchanges on the ledger"),
      Map.entry("io.github.linli.timebank.store.LedgerStore", "an interface (the ledger's store)"),
      Map.entry("io.github.linli.timebank.store.LedgerStores", "factories of stores"),
      Map.entry("io.github.linli.timebank.store.LedgerStores$JdbcBuilder", "a builder of a store"),
      Map.entry("io.github.linli.scorecard.Charts", "static SVG drawing"),
      Map.entry("io.github.linli.scorecard.IndicatorSystems", "factories of indicator systems"),
      Map.entry("io.github.linli.scorecard.Reports", "static report writers"),
      Map.entry("io.github.linli.scorecard.Weighting", "static weighting methods"),
      Map.entry("io.github.linli.scorecard.methods.Ahp", "a static method"),
      Map.entry("io.github.linli.scorecard.methods.CombinedWeights", "a static method"),
      Map.entry("io.github.linli.scorecard.methods.CriticWeights", "a static method"),
      Map.entry("io.github.linli.scorecard.methods.EntropyWeights", "a static method"),
      Map.entry("io.github.linli.scorecard.methods.FuzzyEvaluation", "a static method"),
      Map.entry("io.github.linli.scorecard.methods.GreyRelational", "a static method"),
      Map.entry("io.github.linli.scorecard.methods.Reliability", "a static method"),
      Map.entry("io.github.linli.scorecard.methods.Topsis", "a static method"),
      Map.entry("io.github.linli.scorecard.survey.Questionnaires", "factories of questionnaires"),
      Map.entry("io.github.linli.scorecard.survey.SurveyReader", "a CSV reader")));

  /** Values a front end sends: each must read back equal to what was written. */
  static final Set<String> FRONT_END_SENDS = Set.of(
      "io.github.linli.core.GeoPoint",
      "io.github.linli.core.alliance.Pledge", "io.github.linli.matching.Offer",
      "io.github.linli.timebank.AccountSpec", "io.github.linli.timebank.TransferRequest",
      "io.github.linli.timebank.store.RetryPolicy", "io.github.linli.core.store.StreamId",
      "io.github.linli.scorecard.Indicator", "io.github.linli.scorecard.Dimension",
      "io.github.linli.scorecard.IndicatorSystem", "io.github.linli.core.demand.ServiceDomain");

  static ObjectMapper json;
  static List<Class<?>> exported;
  static Map<Class<?>, Object> samples;

  @BeforeAll
  static void sweep() throws Exception {
    json = new ObjectMapper().registerModule(new LinliModule());
    exported = exportedTypes();
    samples = harvest(Samples.roots());
  }

  @Test
  void everyExportedType_isAnEnumAValueOrAReviewedNonValue() {
    List<String> unsupported = new ArrayList<>();
    for (Class<?> c : exported) {
      if (!(c.isEnum() || Throwable.class.isAssignableFrom(c) || supported(c) || NON_VALUES.containsKey(c.getName()))) {
        unsupported.add(c.getName());
      }
    }
    assertEquals(List.of(), unsupported, "exported types the Jackson module does not support: add them to "
        + "Catalogue.VALUES (or SPECIAL), or, if they are not values, to NON_VALUES here with a reason");
    Set<String> names = exported.stream().map(Class::getName).collect(Collectors.toSet());
    for (String n : NON_VALUES.keySet()) {
      assertTrue(names.contains(n), "NON_VALUES names a type that is no longer exported: " + n);
    }
    for (String n : Catalogue.VALUES) {
      assertTrue(names.contains(n), "Catalogue.VALUES names a type that is not exported: " + n);
    }
    System.out.printf("[linli jackson] %d exported types: %d enums, %d values, %d exceptions, %d non-values; %d values sampled%n",
        exported.size(), exported.stream().filter(Class::isEnum).count(), exported.stream().filter(this::supported).count(),
        exported.stream().filter(Throwable.class::isAssignableFrom).count(), NON_VALUES.size(),
        samples.keySet().stream().filter(c -> exported.contains(c)).count());
  }

  @Test
  void everyValueType_hasASerialiserAndAttributes() throws Exception {
    for (Class<?> c : exported) {
      if (c.isEnum() || !supported(c)) {
        continue;
      }
      assertTrue(json.getSerializerProviderInstance().findValueSerializer(c).getClass().getName()
          .startsWith("io.github.linli.jackson"), c.getName());
      if (Catalogue.VALUES.contains(c.getName())) {
        assertFalse(Accessors.of(c).isEmpty(), "no attributes found on " + c.getName());
      }
    }
  }

  @Test
  void everyEnumConstant_roundTrips_byNameAndWithLabels() throws Exception {
    ObjectMapper labelled = new ObjectMapper().registerModule(LinliModule.builder().enumLabels(true).build());
    int n = 0;
    for (Class<?> c : exported) {
      if (!c.isEnum()) {
        continue;
      }
      for (Object e : c.getEnumConstants()) {
        assertEquals("\"" + ((Enum<?>) e).name() + "\"", json.writeValueAsString(e));
        assertEquals(e, json.readValue(json.writeValueAsString(e), c));
        JsonNode node = labelled.readTree(labelled.writeValueAsString(e));
        if (e instanceof Labelled) {
          assertEquals(((Labelled) e).label().zh(), node.get("zh").asText(), c.getName());
          assertEquals(((Labelled) e).label().en(), node.get("en").asText(), c.getName());
        }
        assertEquals(e, labelled.readValue(labelled.writeValueAsString(e), c));
        n++;
      }
    }
    assertTrue(n > 100, "swept " + n + " enum constants");
  }

  @Test
  void everySampledValue_serialisesItsAttributes_masksWhatToStringMasks_andReadsBack() throws Exception {
    List<String> problems = new ArrayList<>();
    int roundTrips = 0;
    for (Map.Entry<Class<?>, Object> e : samples.entrySet()) {
      Class<?> c = e.getKey();
      Object value = e.getValue();
      String text = json.writeValueAsString(value);
      JsonNode node = json.readTree(text);
      if (Catalogue.VALUES.contains(c.getName())) {
        for (String attribute : Accessors.of(value.getClass()).keySet()) {
          if (!node.has(attribute)) {
            problems.add(c.getName() + " lacks " + attribute);
          }
        }
      }
      // what toString() masks, JSON masks too: every "x=****" is a personal attribute here
      Set<String> personal = Catalogue.PERSONAL.getOrDefault(c.getName(), Set.of());
      Matcher m = Pattern.compile("(\\w+)=\\*\\*\\*\\*").matcher(value.toString());
      while (m.find()) {
        if (!personal.contains(m.group(1))) {
          problems.add(c.getName() + "." + m.group(1) + " is masked by toString() but not by the Jackson module");
        }
      }
      for (String p : personal) {
        if (!Catalogue.MASK.equals(node.path(p).asText())) {
          problems.add(c.getName() + "." + p + " is not masked: " + node.path(p));
        }
        for (String leaf : leaves(Accessors.of(value.getClass()).get(p).invoke(value))) {
          if (leaf.length() >= 2 && text.contains(leaf)) {
            problems.add(c.getName() + "." + p + " leaks its value into the JSON");
          }
        }
      }
      if (Readers.forClass(c) != null) {
        Object back;
        try {
          back = json.readValue(text, c);
        } catch (io.github.linli.core.MissingAttributesException x) {
          // masked on the way out, so a required personal attribute cannot come back: that is the point
          if (personal.stream().noneMatch(x.getMessage()::contains)) {
            problems.add(c.getName() + " cannot read back " + text + ": " + x);
          }
          continue;
        } catch (com.fasterxml.jackson.databind.JsonMappingException x) {
          // no factory makes this value from these fields: written only (refused, never a different value)
          if (FRONT_END_SENDS.contains(c.getName()) || !x.getOriginalMessage().startsWith("cannot read " + c.getSimpleName())) {
            problems.add(c.getName() + " cannot read back " + text + ": " + x);
          }
          continue;
        } catch (RuntimeException | IOException x) {
          problems.add(c.getName() + " cannot read back " + text + ": " + x);
          continue;
        }
        if (personal.isEmpty()) {
          if (!back.equals(value) && !json.writeValueAsString(back).equals(text)) {
            problems.add(c.getName() + " does not read back: " + text);
          }
        } else if (!json.writeValueAsString(back).equals(text)) {
          problems.add(c.getName() + " (masked) does not read back to the same JSON: " + text);
        }
        roundTrips++;
      } else if (FRONT_END_SENDS.contains(c.getName())) {
        problems.add(c.getName() + " is sent by front ends but cannot be read");
      }
    }
    assertEquals(List.of(), problems);
    for (String f : FRONT_END_SENDS) {
      assertTrue(samples.keySet().stream().anyMatch(c -> c.getName().equals(f)), "no sample of " + f);
    }
    System.out.printf("[linli jackson] %d sampled values written, %d read back%n", samples.size(), roundTrips);
  }

  private boolean supported(Class<?> c) {
    return Catalogue.VALUES.contains(c.getName()) || Catalogue.SPECIAL.contains(c.getName())
        || (OpaqueId.class.isAssignableFrom(c));
  }

  /** The string leaves of a personal value (a text, a contact's name and phone, a flag's name). */
  private static List<String> leaves(Object v) throws Exception {
    List<String> out = new ArrayList<>();
    if (v instanceof Optional) {
      v = ((Optional<?>) v).orElse(null);
    }
    if (v == null) {
      return out;
    }
    if (v instanceof Collection) {
      for (Object o : (Collection<?>) v) {
        out.addAll(leaves(o));
      }
    } else if (v instanceof Map) {
      for (Object o : ((Map<?, ?>) v).values()) {
        out.addAll(leaves(o));
      }
    } else if (v instanceof String || v instanceof Enum) {
      out.add(v.toString());
    } else if (v instanceof Number) {
      out.add(v.toString().length() >= 3 ? v.toString() : "");
    } else if (Accessors.catalogued(v.getClass()) != null) {
      for (Method a : Accessors.of(v.getClass()).values()) {
        out.addAll(leaves(a.invoke(v)));
      }
    } else {
      out.add(v.toString());
    }
    return out;
  }

  /** One instance per Linli class, collected by walking accessors from the roots. */
  static Map<Class<?>, Object> harvest(List<Object> roots) throws Exception {
    Map<Class<?>, Object> found = new LinkedHashMap<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    Deque<Object> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Object v = todo.pop();
      if (v == null || seen.put(v, true) != null) {
        continue;
      }
      if (v instanceof Optional) {
        ((Optional<?>) v).ifPresent(todo::push);
        continue;
      }
      if (v instanceof Collection) {
        todo.addAll((Collection<?>) v);
        continue;
      }
      if (v instanceof Map) {
        todo.addAll(((Map<?, ?>) v).keySet());
        todo.addAll(((Map<?, ?>) v).values());
        continue;
      }
      Class<?> type = Accessors.catalogued(v.getClass());
      if (type == null) {
        continue;
      }
      found.putIfAbsent(type, v);
      if (Catalogue.VALUES.contains(type.getName())) {
        for (Method a : Accessors.of(v.getClass()).values()) {
          todo.add(Optional.ofNullable(a.invoke(v)));
        }
      }
    }
    return found;
  }

  /** Every public type in the packages each Linli module exports to everyone. */
  static List<Class<?>> exportedTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Set<String> names = new TreeSet<>();
    for (Class<?> anchor : List.of(io.github.linli.core.Label.class, io.github.linli.matching.Matcher.class,
        io.github.linli.timebank.TimeBank.class, io.github.linli.scorecard.Scorecard.class)) {
      Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      ModuleReference ref = ModuleFinder.of(root).findAll().iterator().next();
      for (ModuleDescriptor.Exports e : ref.descriptor().exports()) {
        if (e.isQualified()) {
          continue;
        }
        try (Stream<String> classes = ref.open().list()) {
          String dir = e.source().replace('.', '/') + "/";
          classes.filter(n -> n.startsWith(dir) && n.endsWith(".class") && n.indexOf('/', dir.length()) < 0)
              .map(n -> n.substring(0, n.length() - 6).replace('/', '.'))
              .forEach(names::add);
        }
      }
    }
    List<Class<?>> out = new ArrayList<>();
    for (String n : names) {
      Class<?> c = Class.forName(n, false, LinliModuleSweepTest.class.getClassLoader());
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic() || c.isAnnotation()
          || n.endsWith("package-info") || n.endsWith("module-info")) {
        continue;
      }
      if (c.isMemberClass() && (c.getSimpleName().equals("Builder") || !Modifier.isPublic(c.getDeclaringClass().getModifiers()))) {
        continue;   // builders are how values are made, not values
      }
      out.add(c);
    }
    return out;
  }

  static void failIf(boolean b, String message) {
    if (b) {
      fail(message);
    }
  }
}
