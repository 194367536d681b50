/**
 * JSON for Linli's values with Jackson 2: register {@link io.github.linli.jackson.LinliModule} on an
 * {@code ObjectMapper} (the Spring Boot starter does it for the application's mapper).
 *
 * <p>What it writes: ids as strings, {@code Label} as {@code {"zh":…,"en":…}} (or one string under a
 * configured locale), {@code Credits} as {@code {"amount":90,"unit":"MINUTES"}}, {@code Period} and
 * {@code TimeWindow} as ISO-8601 intervals ({@code 2026-10-01/2026-11-01}, end exclusive), enums by
 * name (with their labels when asked), other values as objects of their accessors. Personal data
 * (a need's text, a home's location, household facts, contacts, a card holder's birth date) is
 * written as {@code "****"}: read it through the {@code PersonalDataStore}, for a purpose, and put
 * it in a view of your own.
 *
 * @since 0.1.0
 */
package io.github.linli.jackson;
