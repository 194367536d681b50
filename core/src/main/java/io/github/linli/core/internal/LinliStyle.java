package io.github.linli.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.github.linli.core.MissingAttributesException;
import org.immutables.value.Value;

/**
 * The one Immutables style of every Linli module, applied per package ({@code @LinliStyle} on
 * {@code package-info.java}) so that no type carries an inline {@code @Value.Style}.
 *
 * <p>Generated {@code ImmutableX} classes are package-private and hidden behind the abstract value
 * type ("sandwich" pattern): a public abstract type {@code X} declares {@code static X of(...)} or a
 * nested {@code public static final class Builder extends ImmutableX.Builder}. Attributes marked
 * {@code @Value.Redacted} print as {@code ****} in {@code toString()}. A builder missing a required
 * attribute throws {@link MissingAttributesException}, a {@code ValidationException} naming them.
 *
 * <p>Not API: shared with Linli's own modules only.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = false),
    redactedMask = "****",
    depluralize = true,
    allowedClasspathAnnotations = {Override.class},
    throwForInvalidImmutableState = MissingAttributesException.class,
    jdkOnly = true)
public @interface LinliStyle {}
