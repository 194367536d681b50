package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies a resident's need text (Chinese, English or mixed) by Maslow tier, service domain and
 * urgency.
 *
 * <p>The default classifier ({@link #defaultClassifier()}) is a hybrid: a curated, weighted
 * vocabulary of about four thousand Chinese and English terms matched in one pass (Aho-Corasick, no
 * segmenter needed), plus a naive Bayes model over character bigrams and words trained from the
 * shipped labelled examples; it answers the eight default domains. Texts are normalised first
 * (NFKC, traditional to simplified characters, lower case). A portal extends it without forking:
 * {@link #builder()} starts from the shipped vocabulary and examples, adds its own terms and
 * labelled examples, and may use its own {@link DomainTaxonomy}.
 *
 * <p>Implementations are immutable and thread-safe. Classification takes time linear in the length
 * of the text and never throws on any non-null string: an empty or unrecognised text gives a
 * {@link Classification} with {@link Classification#needsReview()} set. How the default classifier
 * scores on an evaluation set is in {@code docs/demand-classifier-evaluation.md}.
 *
 * @since 0.1.0
 */
public interface DemandClassifier {
  /**
   * Classifies a need text.
   *
   * @param text the text; any string, of any length
   * @return the classification
   * @throws NullPointerException if {@code text} is null
   */
  Classification classify(String text);

  /**
   * The taxonomy whose domains this classifier answers.
   *
   * @return the taxonomy
   */
  DomainTaxonomy taxonomy();

  /**
   * The shipped classifier: shipped vocabulary and model, default taxonomy, review threshold 0.5.
   * Built once, on first use.
   *
   * @return the shared default classifier
   */
  static DemandClassifier defaultClassifier() {
    return HybridDemandClassifier.Default.INSTANCE;
  }

  /**
   * Starts a classifier from the shipped vocabulary and labelled examples.
   *
   * @return a builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link DemandClassifier}: the shipped vocabulary and training examples (unless left
   * out), the portal's own terms (added later wins over shipped for the same term) and examples,
   * and a taxonomy. Not thread-safe; the classifier it builds is.
   */
  final class Builder {
    /** Resource of the shipped vocabulary. */
    static final String LEXICON = "lexicon.tsv";
    /** Resource of the shipped training examples. */
    static final String TRAINING = "training.tsv";

    DomainTaxonomy taxonomy = DomainTaxonomy.defaultTaxonomy();
    boolean shippedLexicon = true;
    boolean shippedExamples = true;
    final List<LexiconTerm> terms = new ArrayList<>();
    final List<LabelledExample> examples = new ArrayList<>();
    double reviewThreshold = 0.5;
    double modelWeight = HybridDemandClassifier.DEFAULT_MODEL_WEIGHT;

    Builder() {}

    /**
     * Sets the taxonomy. Shipped terms and examples for domains not in it are ignored; the
     * portal's own must name its domains.
     *
     * @param taxonomy the taxonomy
     * @return this builder
     * @throws NullPointerException if {@code taxonomy} is null
     */
    public Builder taxonomy(DomainTaxonomy taxonomy) {
      this.taxonomy = checkNotNull(taxonomy, "taxonomy");
      return this;
    }

    /**
     * Leaves the shipped vocabulary out.
     *
     * @return this builder
     */
    public Builder withoutShippedLexicon() {
      this.shippedLexicon = false;
      return this;
    }

    /**
     * Leaves the shipped training examples out (the model learns from the added ones only).
     *
     * @return this builder
     */
    public Builder withoutShippedExamples() {
      this.shippedExamples = false;
      return this;
    }

    /**
     * Adds a vocabulary term.
     *
     * @param term the term
     * @return this builder
     * @throws NullPointerException if {@code term} is null
     */
    public Builder addTerm(LexiconTerm term) {
      terms.add(checkNotNull(term, "term"));
      return this;
    }

    /**
     * Adds vocabulary terms in the line format of {@link LexiconTerm#parse(String)}; blank lines
     * and lines starting with {@code #} are skipped.
     *
     * @param reader the lines; read to the end, not closed
     * @return this builder
     * @throws NullPointerException if {@code reader} is null
     * @throws ValidationException if a line is malformed (the message names the line number)
     * @throws UncheckedIOException if reading fails
     */
    public Builder addLexicon(Reader reader) {
      checkNotNull(reader, "reader");
      terms.addAll(readLexicon(reader));
      return this;
    }

    /**
     * Adds a labelled example to train the model on.
     *
     * @param example the example
     * @return this builder
     * @throws NullPointerException if {@code example} is null
     */
    public Builder addExample(LabelledExample example) {
      examples.add(checkNotNull(example, "example"));
      return this;
    }

    /**
     * Adds labelled examples.
     *
     * @param examples the examples
     * @return this builder
     * @throws NullPointerException if {@code examples} or an element is null
     */
    public Builder addExamples(Iterable<LabelledExample> examples) {
      checkNotNull(examples, "examples");
      for (LabelledExample e : examples) {
        addExample(e);
      }
      return this;
    }

    /**
     * Sets the sureness below which a classification needs review (default 0.5). For the default
     * classifier the sureness is the logistic of the smaller of the tier and domain margins (the
     * top score minus the runner-up's, so two rows that tie give 0.5), with one unit taken off the
     * margin for each conflicting view: the vocabulary alone, or the model alone, deciding another
     * tier or another domain. A text is flagged when its sureness is at or below the threshold: at 0.5,
     * when its margin less its conflicts is zero (a tie) or below; higher values flag more texts and catch more wrong answers (the curve is in {@code
     * docs/demand-classifier-evaluation.md}).
     *
     * @param threshold in [0, 1]; 0 never asks for review unless nothing was recognised
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder reviewThreshold(double threshold) {
      checkArgument(threshold >= 0 && threshold <= 1, "reviewThreshold must be in [0, 1]: %s", threshold);
      this.reviewThreshold = threshold;
      return this;
    }

    /**
     * Sets how much the trained model counts against the vocabulary (default {@value
     * HybridDemandClassifier#DEFAULT_MODEL_WEIGHT}; 0 uses the vocabulary alone).
     *
     * @param weight a finite, non-negative weight
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder modelWeight(double weight) {
      checkArgument(weight >= 0 && Double.isFinite(weight), "modelWeight must be finite and >= 0: %s", weight);
      this.modelWeight = weight;
      return this;
    }

    /**
     * Builds the classifier (trains the model).
     *
     * @return the classifier
     * @throws ValidationException if an added term or example names a domain outside the taxonomy
     */
    public DemandClassifier build() {
      return new HybridDemandClassifier(this);
    }

    static List<LexiconTerm> readLexicon(Reader reader) {
      List<LexiconTerm> out = new ArrayList<>();
      BufferedReader r = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
      try {
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
          no++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          try {
            out.add(LexiconTerm.parse(line));
          } catch (ValidationException e) {
            throw new ValidationException("lexicon line " + no, e.value().orElse(null), e.getMessage());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }

    static List<LabelledExample> readExamples(Reader reader, DomainTaxonomy taxonomy) {
      List<LabelledExample> out = new ArrayList<>();
      BufferedReader r = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
      try {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] f = line.split("\t", 4);
          if (f.length == 4 && taxonomy.find(f[1].strip()).isEmpty()) {
            continue; // shipped example of a domain this taxonomy lacks
          }
          out.add(LabelledExample.parse(line, taxonomy));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }

    static Reader resource(String name) {
      InputStream in = DemandClassifier.class.getResourceAsStream(name);
      if (in == null) {
        throw new IllegalStateException("resource " + name + " missing from linli-core");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
  }
}
