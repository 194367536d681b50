package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link DemandClassifier}: weighted vocabulary (Aho-Corasick, longest match wins)
 * plus a naive Bayes model over character bigrams and words; the scores are added and turned into
 * probabilities with a softmax.
 *
 * <p>Per text: normalisation, one automaton pass and one feature pass, each linear in the length;
 * the overlap resolution sorts the matches (m log m for m matches). Immutable and thread-safe.
 */
final class HybridDemandClassifier implements DemandClassifier {
  /** Default weight of the trained model against the vocabulary (chosen by cross-validation on the training set). */
  static final double DEFAULT_MODEL_WEIGHT = 0.2;

  private static final int TIERS = MaslowTier.values().length;
  private static final MaslowTier[] TIER_VALUES = MaslowTier.values();
  private static final Urgency[] URGENCY_VALUES = Urgency.values();
  private static final int MAX_EVIDENCE = 8;

  /** Lazy holder of the shipped classifier. */
  static final class Default {
    static final DemandClassifier INSTANCE = new Builder().build();

    private Default() {}
  }

  private final DomainTaxonomy taxonomy;
  private final ServiceDomain[] domains;
  private final int domainCount;
  private final TermMatcher matcher;
  private final String[] termKeys;
  private final double[] termTier;
  private final double[] termDomain;
  private final byte[] termUrgency;
  private final boolean[] termCheckStart;
  private final boolean[] termCheckEnd;
  private final NgramModel model;
  private final double modelWeight;
  private final double threshold;
  private final int priorTier;
  private final int priorDomain;
  private final int elderlyDomain;

  HybridDemandClassifier(Builder b) {
    this.taxonomy = b.taxonomy;
    this.domains = taxonomy.domains().toArray(new ServiceDomain[0]);
    this.domainCount = domains.length;
    this.modelWeight = b.modelWeight;
    this.threshold = b.reviewThreshold;
    Map<String, Integer> domainIndex = new LinkedHashMap<>();
    for (int d = 0; d < domainCount; d++) {
      domainIndex.put(domains[d].id(), d);
    }

    // Vocabulary: shipped first, the portal's own later (later wins for the same key).
    Map<String, LexiconTerm> byKey = new LinkedHashMap<>();
    if (b.shippedLexicon) {
      try (Reader r = Builder.resource(Builder.LEXICON)) {
        for (LexiconTerm t : Builder.readLexicon(r)) {
          byKey.put(t.key(), t);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (LexiconTerm t : b.terms) {
      for (String id : t.domainWeights().keySet()) {
        if (!domainIndex.containsKey(id)) {
          throw new ValidationException("term domain", id, "not in taxonomy " + taxonomy.key());
        }
      }
      byKey.remove(t.key());
      byKey.put(t.key(), t);
    }
    int n = byKey.size();
    termKeys = new String[n];
    termTier = new double[n * TIERS];
    termDomain = new double[n * domainCount];
    termUrgency = new byte[n];
    termCheckStart = new boolean[n];
    termCheckEnd = new boolean[n];
    List<String> keys = new ArrayList<>(n);
    int i = 0;
    for (Map.Entry<String, LexiconTerm> e : byKey.entrySet()) {
      String key = e.getKey();
      LexiconTerm t = e.getValue();
      termKeys[i] = key;
      keys.add(key);
      for (Map.Entry<MaslowTier, Double> w : t.tierWeights().entrySet()) {
        termTier[i * TIERS + w.getKey().ordinal()] = w.getValue();
      }
      for (Map.Entry<String, Double> w : t.domainWeights().entrySet()) {
        Integer d = domainIndex.get(w.getKey());
        if (d != null) { // shipped terms of domains this taxonomy lacks are ignored
          termDomain[i * domainCount + d] = w.getValue();
        }
      }
      termUrgency[i] = (byte) t.urgency().map(Enum::ordinal).orElse(-1).intValue();
      termCheckStart[i] = TextNormalizer.isWordChar(key.charAt(0));
      termCheckEnd[i] = !t.isPrefix() && TextNormalizer.isWordChar(key.charAt(key.length() - 1));
      i++;
    }
    matcher = new TermMatcher(keys);
    Integer elderly = domainIndex.get(ServiceDomain.ELDERLY_CARE.id());
    elderlyDomain = b.shippedLexicon && elderly != null ? elderly : -1;

    // Model: shipped examples (of domains in the taxonomy) plus the portal's own.
    List<LabelledExample> examples = new ArrayList<>();
    if (b.shippedExamples) {
      try (Reader r = Builder.resource(Builder.TRAINING)) {
        examples.addAll(Builder.readExamples(r, taxonomy));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (LabelledExample e : b.examples) {
      if (!domainIndex.containsKey(e.domain().id())) {
        throw new ValidationException("example domain", e.domain().id(), "not in taxonomy " + taxonomy.key());
      }
      examples.add(e);
    }
    List<String> texts = new ArrayList<>(examples.size());
    int[][] labels = new int[2][examples.size()];
    for (int k = 0; k < examples.size(); k++) {
      LabelledExample e = examples.get(k);
      texts.add(TextNormalizer.normalize(e.text()));
      labels[0][k] = e.tier().ordinal();
      labels[1][k] = domainIndex.get(e.domain().id());
    }
    model = new NgramModel(texts, labels, new int[] {TIERS, domainCount}, 0.5);
    priorTier = argmax(model, 0, TIERS);
    priorDomain = argmax(model, TIERS, domainCount);
  }

  private static int argmax(NgramModel m, int from, int count) {
    int best = 0;
    for (int k = 1; k < count; k++) {
      if (m.logPrior(from + k) > m.logPrior(from + best)) {
        best = k;
      }
    }
    return best;
  }

  @Override
  public DomainTaxonomy taxonomy() {
    return taxonomy;
  }

  /** Matches collected during one classification. Not thread-safe; one per call. */
  private static final class Matches implements TermMatcher.Sink {
    final String text;
    final boolean[] checkStart;
    final boolean[] checkEnd;
    int[] term = new int[8];
    int[] start = new int[8];
    int[] end = new int[8];
    int size;

    Matches(String text, boolean[] checkStart, boolean[] checkEnd) {
      this.text = text;
      this.checkStart = checkStart;
      this.checkEnd = checkEnd;
    }

    @Override
    public void match(int t, int s, int e) {
      if (checkStart[t] && s > 0 && TextNormalizer.isWordChar(text.charAt(s - 1))) {
        return;
      }
      if (checkEnd[t] && e < text.length() && TextNormalizer.isWordChar(text.charAt(e)) && !inflected(text, s, e)) {
        return;
      }
      if (size == term.length) {
        term = Arrays.copyOf(term, size * 2);
        start = Arrays.copyOf(start, size * 2);
        end = Arrays.copyOf(end, size * 2);
      }
      term[size] = t;
      start[size] = s;
      end[size] = e;
      size++;
    }
  }

  /** Model features collected during one classification. */
  private static final class ModelScores implements Features.Visitor {
    final NgramModel model;
    final double[] sum;
    int[] hits = new int[16];
    int size;

    ModelScores(NgramModel model) {
      this.model = model;
      this.sum = new double[model.classes()];
    }

    @Override
    public void feature(long hash, int s, int e) {
      int f = model.find(hash);
      if (f < 0) {
        return;
      }
      float[] w = model.weights();
      int base = model.base(f);
      for (int k = 0; k < sum.length; k++) {
        sum[k] += w[base + k];
      }
      if (size == hits.length) {
        hits = Arrays.copyOf(hits, size * 2);
      }
      hits[size++] = f;
    }
  }

  @Override
  public Classification classify(String text) {
    return classify(text, null);
  }

  /** Number of review signals written by {@link #reviewSignals(String)}. */
  static final int SIGNALS = 11;

  /**
   * The signals the review decision rests on, for calibration: the tier and domain probabilities,
   * the tier and domain margins (top score minus the runner-up), whether the vocabulary alone and
   * the model alone pick the same tier and the same domain as the decision (1 or 0; 1 where that
   * part saw nothing).
   *
   * @param text the need text
   * @return {@link #SIGNALS} values
   */
  double[] reviewSignals(String text) {
    double[] out = new double[SIGNALS];
    classify(text, out);
    return out;
  }

  private Classification classify(String text, double[] signals) {
    checkNotNull(text, "text");
    String s = TextNormalizer.normalize(text);
    double[] tier = new double[TIERS];
    double[] domain = new double[domainCount];

    // 1. Vocabulary: longest non-overlapping matches.
    Matches m = new Matches(s, termCheckStart, termCheckEnd);
    if (!s.isEmpty()) {
      matcher.scan(s, m);
    }
    int[] chosen = selectLongest(m, s.length());
    int urgent = -1;
    boolean low = false;
    boolean lexical = false;
    for (int c : chosen) {
      int t = m.term[c];
      for (int k = 0; k < TIERS; k++) {
        double w = termTier[t * TIERS + k];
        tier[k] += w;
        lexical |= w != 0;
      }
      for (int d = 0; d < domainCount; d++) {
        double w = termDomain[t * domainCount + d];
        domain[d] += w;
        lexical |= w != 0;
      }
      int u = termUrgency[t];
      if (u == Urgency.LOW.ordinal()) {
        low = true;
      } else if (u > urgent) {
        urgent = u;
      }
    }

    boolean old = elderlyDomain >= 0 && mentionsOldAge(s);
    if (old) {
      domain[elderlyDomain] += OLD_AGE_WEIGHT;
      lexical = true;
    }

    int lexTier = lexical ? argmax(tier) : -1;
    int lexDomain = lexical ? argmax(domain) : -1;
    if (signals != null) {
      signals[8] = lexical ? margin(tier, lexTier) : 0;
      signals[9] = lexical ? margin(domain, lexDomain) : 0;
      signals[10] = s.length();
    }

    // 2. Model.
    ModelScores ms = new ModelScores(model);
    if (!s.isEmpty() && modelWeight > 0 && !model.isEmpty()) {
      Features.extract(s, ms);
    }
    boolean modelled = ms.size > 0;
    if (modelled) {
      for (int k = 0; k < TIERS; k++) {
        tier[k] += modelWeight * (ms.sum[k] + model.logPrior(k));
      }
      for (int d = 0; d < domainCount; d++) {
        domain[d] += modelWeight * (ms.sum[TIERS + d] + model.logPrior(TIERS + d));
      }
    }

    if (!lexical && !modelled) {
      Urgency u = urgent >= 0 ? URGENCY_VALUES[urgent] : (low ? Urgency.LOW : Urgency.NORMAL);
      return new Classification(TIER_VALUES[priorTier], domains[priorDomain], u, 0, 0, List.of(), true);
    }
    int bt = argmax(tier);
    int bd = argmax(domain);
    double pt = softmaxTop(tier, bt);
    double pd = softmaxTop(domain, bd);
    double marginTier = margin(tier, bt);
    double marginDomain = margin(domain, bd);
    int modelTier = modelled ? argmaxModel(ms.sum, 0, TIERS) : -1;
    int modelDomain = modelled ? argmaxModel(ms.sum, TIERS, domainCount) : -1;
    // Conflicting evidence: the vocabulary alone or the model alone would have decided otherwise.
    int conflicts = (lexTier >= 0 && lexTier != bt ? 1 : 0) + (lexDomain >= 0 && lexDomain != bd ? 1 : 0)
        + (modelTier >= 0 && modelTier != bt ? 1 : 0) + (modelDomain >= 0 && modelDomain != bd ? 1 : 0);
    if (signals != null) {
      signals[0] = pt;
      signals[1] = pd;
      signals[2] = marginTier;
      signals[3] = marginDomain;
      signals[4] = lexTier < 0 || lexTier == bt ? 1 : 0;
      signals[5] = lexDomain < 0 || lexDomain == bd ? 1 : 0;
      signals[6] = modelTier < 0 || modelTier == bt ? 1 : 0;
      signals[7] = modelDomain < 0 || modelDomain == bd ? 1 : 0;
    }
    MaslowTier bestTier = TIER_VALUES[bt];
    Urgency u;
    if (urgent >= Urgency.HIGH.ordinal()) {
      u = URGENCY_VALUES[urgent];
    } else if (low) {
      u = Urgency.LOW;
    } else {
      u = bestTier.isMoreBasicThan(MaslowTier.BELONGING) ? Urgency.NORMAL : Urgency.LOW;
    }
    List<String> evidence = evidence(m, chosen, ms, bt, bd);
    if (old && bd == elderlyDomain) {
      evidence.add(0, "age>=60");
    }
    // Nothing to show for the decision (only weak model features) is as good as nothing recognised.
    boolean review = evidence.isEmpty() || reviewScore(Math.min(marginTier, marginDomain), conflicts) <= threshold;
    return new Classification(bestTier, domains[bd], u, pt, pd, evidence, review);
  }

  private List<String> evidence(Matches m, int[] chosen, ModelScores ms, int bt, int bd) {
    // Vocabulary terms that support the decision, strongest first.
    Integer[] order = new Integer[chosen.length];
    double[] support = new double[chosen.length];
    int count = 0;
    for (int i = 0; i < chosen.length; i++) {
      int t = m.term[chosen[i]];
      double w = Math.max(0, termTier[t * TIERS + bt]) + Math.max(0, termDomain[t * domainCount + bd]);
      if (w > 0) {
        support[count] = w;
        order[count] = t;
        count++;
      }
    }
    List<String> out = new ArrayList<>(MAX_EVIDENCE + 3);
    boolean[] used = new boolean[count];
    for (int r = 0; r < Math.min(count, MAX_EVIDENCE * 4) && out.size() < MAX_EVIDENCE; r++) {
      int best = -1;
      for (int i = 0; i < count; i++) {
        if (!used[i] && (best < 0 || support[i] > support[best])) {
          best = i;
        }
      }
      used[best] = true;
      String key = termKeys[order[best]];
      if (!out.contains(key)) {
        out.add(key);
      }
    }
    // The model features that pushed hardest towards the decision.
    if (ms.size > 0) {
      int[] top = {-1, -1, -1};
      double[] topW = new double[3];
      float[] w = model.weights();
      for (int i = 0; i < ms.size; i++) {
        int f = ms.hits[i];
        double v = w[model.base(f) + bt] + w[model.base(f) + TIERS + bd];
        for (int j = 0; j < 3; j++) {
          if (top[j] == f) {
            break;
          }
          if (v > 0.5 && (top[j] < 0 || v > topW[j])) {
            for (int k = 2; k > j; k--) {
              top[k] = top[k - 1];
              topW[k] = topW[k - 1];
            }
            top[j] = f;
            topW[j] = v;
            break;
          }
        }
      }
      for (int f : top) {
        if (f >= 0 && out.size() < MAX_EVIDENCE + 3) {
          String name = model.evidenceName(f);
          if (!out.contains(name)) {
            out.add(name);
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether the word going on after a term that ends at {@code e} is a verb inflection of it: for
   * a last word of four letters or more, {@code ed} and {@code ing} (not after e) or {@code d}
   * (after e). So "danced", "painted" and "cooking" find "dance", "paint" and "cook"; a longer
   * term of the vocabulary ("fired") still wins over the inflected shorter one ("fire"). Plurals
   * are left to the vocabulary, which lists the ones that mean the same ("degrees" would otherwise
   * find the university "degree"). Looks at most 4 characters each way: constant work per match.
   */
  static boolean inflected(String text, int start, int e) {
    int n = text.length();
    int w = e;
    while (w < n && w - e <= 3 && TextNormalizer.isWordChar(text.charAt(w))) {
      w++;
    }
    if (w - e > 3 || (w < n && TextNormalizer.isWordChar(text.charAt(w)))) {
      return false;
    }
    char last = text.charAt(e - 1);
    if (last < 'a' || last > 'z') {
      return false;
    }
    int wordLength = 0;
    for (int p = e - 1; p >= start && wordLength < 4 && TextNormalizer.isWordChar(text.charAt(p)); p--) {
      wordLength++;
    }
    if (wordLength < 4) {
      return false;
    }
    int len = w - e;
    if (len == 1) {
      return last == 'e' && text.charAt(e) == 'd';
    }
    if (last == 'e') {
      return false;
    }
    return len == 2 ? text.charAt(e) == 'e' && text.charAt(e + 1) == 'd' : text.startsWith("ing", e);
  }

  /** Indices (into the matches) of the longest non-overlapping matches, leftmost first among equals. */
  private static int[] selectLongest(Matches m, int length) {
    int n = m.size;
    if (n == 0) {
      return new int[0];
    }
    if (n == 1) {
      return new int[] {0};
    }
    // Sort by length descending, then start ascending (a (start, length) pair names one term).
    long[] keyed = new long[n];
    for (int i = 0; i < n; i++) {
      keyed[i] = ((long) (Integer.MAX_VALUE - (m.end[i] - m.start[i])) << 32) | m.start[i];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n <= 32) {
      for (int i = 1; i < n; i++) { // insertion sort: no boxing for the usual handful of matches
        int x = order[i];
        int j = i - 1;
        while (j >= 0 && keyed[order[j]] > keyed[x]) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = x;
      }
    } else {
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> Long.compare(keyed[a], keyed[b]));
      for (int i = 0; i < n; i++) {
        order[i] = boxed[i];
      }
    }
    int[] idx = new int[n];
    boolean[] taken = new boolean[length];
    int kept = 0;
    for (int r = 0; r < n; r++) {
      int i = order[r];
      boolean free = true;
      for (int p = m.start[i]; p < m.end[i] && free; p++) {
        free = !taken[p];
      }
      if (free) {
        for (int p = m.start[i]; p < m.end[i]; p++) {
          taken[p] = true;
        }
        idx[kept++] = i;
      }
    }
    return Arrays.copyOf(idx, kept);
  }

  /** Weight for the elderly-care domain when the text states an age of 60 or more. */
  private static final double OLD_AGE_WEIGHT = 2.5;

  /**
   * Whether the normalised text states an age from 60 to 120: a number followed by 岁, "year(s)
   * old", "yo" or "y/o", or preceded by "aged", "is", "'s", "turned" or a word for a relative
   * ("dad (79)", "my grandma, 87"), or a number straight after a Chinese word and followed by 了
   * (外婆88了). One linear scan.
   */
  static boolean mentionsOldAge(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        i++;
        continue;
      }
      int j = i;
      int v = 0;
      while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
        v = v < 1000 ? v * 10 + (s.charAt(j) - '0') : v;
        j++;
      }
      boolean boundary = i == 0 || !TextNormalizer.isWordChar(s.charAt(i - 1));
      if (v >= 60 && v <= 120 && boundary) {
        int k = j < n && s.charAt(j) == ' ' ? j + 1 : j;
        if ((k < n && (s.charAt(k) == '岁' || s.charAt(k) == '周'))
            || s.startsWith("year", k)
            || s.startsWith("yr", k)
            || s.startsWith("yo", k) && (k + 2 == n || !TextNormalizer.isWordChar(s.charAt(k + 2)))
            || s.startsWith("y o", k) && (k + 3 == n || !TextNormalizer.isWordChar(s.charAt(k + 3)))
            || (j < n && s.charAt(j) == '了' && i > 0 && TextNormalizer.isCjk(s.charAt(i - 1)))
            || kinBefore(s, i)
            || endsWithBefore(s, i, "aged ")
            || endsWithBefore(s, i, " is ")
            || endsWithBefore(s, i, " s ")
            || endsWithBefore(s, i, "turned ")) {
          return true;
        }
      }
      i = j;
    }
    return false;
  }

  /** Words for older relatives that people put an age after: "dad (79)", "nan 84". */
  private static final java.util.Set<String> KIN =
      java.util.Set.of(
          "mum", "mom", "mother", "dad", "father", "grandma", "grandmother", "grandpa", "grandfather", "granny",
          "nan", "nana", "nanna", "grandad", "granddad", "gran", "husband", "wife", "widow", "widower", "uncle", "aunt",
          "auntie", "neighbour", "neighbor");

  /** Whether the word just before position {@code i} (one space between) is a relative's name. */
  private static boolean kinBefore(String s, int i) {
    if (i < 2 || s.charAt(i - 1) != ' ') {
      return false;
    }
    int w = i - 1;
    while (w > 0 && i - 1 - w < 12 && TextNormalizer.isWordChar(s.charAt(w - 1))) {
      w--;
    }
    return KIN.contains(s.substring(w, i - 1));
  }

  private static boolean endsWithBefore(String s, int i, String word) {
    return i >= word.length() && s.startsWith(word, i - word.length());
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int k = 1; k < v.length; k++) {
      if (v[k] > v[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * How sure the decision is, for the review flag: the logistic of the smaller of the tier and
   * domain margins (top score minus the runner-up's, so 0.5 where two rows tie), each conflicting
   * view (the vocabulary alone or the model alone deciding another tier or domain) taking one unit
   * off the margin. Calibrated on the development sets (docs/demand-classifier-evaluation.md):
   * margins catch more of the wrong answers than the softmax probability at the same share flagged,
   * conflicts more still.
   */
  static double reviewScore(double margin, int conflicts) {
    return 1 / (1 + Math.exp(-(margin - conflicts)));
  }

  /** The top score minus the runner-up's. */
  private static double margin(double[] v, int top) {
    double second = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < v.length; k++) {
      if (k != top && v[k] > second) {
        second = v[k];
      }
    }
    return v[top] - second;
  }

  private int argmaxModel(double[] sum, int from, int count) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < count; k++) {
      double v = sum[from + k] + model.logPrior(from + k);
      if (v > bestScore) {
        bestScore = v;
        best = k;
      }
    }
    return best;
  }

  private static double softmaxTop(double[] v, int top) {
    double max = v[top];
    double sum = 0;
    for (double x : v) {
      sum += Math.exp(x - max);
    }
    double p = 1 / sum;
    return p < 0 ? 0 : (p > 1 ? 1 : p);
  }

  @Override
  public String toString() {
    return "DemandClassifier{taxonomy=" + taxonomy.key() + ", terms=" + termKeys.length + ", modelWeight=" + modelWeight
        + ", reviewThreshold=" + threshold + "}";
  }
}
