package io.github.linli.core.mediation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of dispute (纠纷类别) in a {@link DisputeTaxonomy}: an id of upper-case letters, digits and
 * underscores, and a bilingual label. The ten defaults follow what sources 000 and 004 name
 * between merchants, member units and residents.
 *
 * <p>Immutable and thread-safe; equal when id and label are equal.
 *
 * @since 0.3.0
 */
public final class DisputeCategory implements Labelled {
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  /** Noise (噪音扰民). */
  public static final DisputeCategory NOISE = new DisputeCategory("NOISE", Label.of("噪音扰民", "noise"));
  /** Home renovation (装修纠纷). */
  public static final DisputeCategory RENOVATION = new DisputeCategory("RENOVATION", Label.of("装修纠纷", "renovation"));
  /** Parking (停车纠纷). */
  public static final DisputeCategory PARKING = new DisputeCategory("PARKING", Label.of("停车纠纷", "parking"));
  /** Pets (宠物饲养). */
  public static final DisputeCategory PETS = new DisputeCategory("PETS", Label.of("宠物饲养", "pets"));
  /** Sanitation and rubbish (环境卫生). */
  public static final DisputeCategory SANITATION = new DisputeCategory("SANITATION", Label.of("环境卫生", "sanitation"));
  /** Shared space and facilities (公共空间与设施). */
  public static final DisputeCategory SHARED_SPACE =
      new DisputeCategory("SHARED_SPACE", Label.of("公共空间与设施", "shared space and facilities"));
  /** Property fees and services (物业费与物业服务). */
  public static final DisputeCategory PROPERTY_SERVICES =
      new DisputeCategory("PROPERTY_SERVICES", Label.of("物业费与物业服务", "property fees and services"));
  /** Relations between neighbours (邻里关系). */
  public static final DisputeCategory NEIGHBOUR_RELATIONS =
      new DisputeCategory("NEIGHBOUR_RELATIONS", Label.of("邻里关系", "neighbour relations"));
  /** A merchant's operations: hours, smells, queues, outdoor business (商户经营). */
  public static final DisputeCategory MERCHANT_OPERATIONS =
      new DisputeCategory("MERCHANT_OPERATIONS", Label.of("商户经营", "merchant operations"));
  /** Family matters (家庭纠纷). */
  public static final DisputeCategory FAMILY = new DisputeCategory("FAMILY", Label.of("家庭纠纷", "family"));

  private final String id;
  private final Label label;

  private DisputeCategory(String id, Label label) {
    this.id = id;
    this.label = label;
  }

  /**
   * A category.
   *
   * @param id upper-case letters, digits and underscores, starting with a letter, at most 40
   * @param label the Chinese and English label
   * @return the category
   * @throws ValidationException if the id is not of that form
   * @throws NullPointerException if the label is null
   */
  public static DisputeCategory of(String id, Label label) {
    Checks.id("category.id", id);
    if (!ID.matcher(id).matches()) {
      throw new ValidationException("category.id", id, "must be upper-case letters, digits and underscores, starting with a letter, at most 40");
    }
    return new DisputeCategory(id, checkNotNull(label, "label"));
  }

  /**
   * The ten default categories, in the order above.
   *
   * @return an unmodifiable list
   */
  public static List<DisputeCategory> defaults() {
    return List.of(NOISE, RENOVATION, PARKING, PETS, SANITATION, SHARED_SPACE, PROPERTY_SERVICES, NEIGHBOUR_RELATIONS,
        MERCHANT_OPERATIONS, FAMILY);
  }

  /**
   * The id.
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

  @Override
  public boolean equals(Object o) {
    return o instanceof DisputeCategory && ((DisputeCategory) o).id.equals(id) && ((DisputeCategory) o).label.equals(label);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + label.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
