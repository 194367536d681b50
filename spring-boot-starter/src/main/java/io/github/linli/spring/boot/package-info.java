/**
 * Linli's Spring Boot starter: add {@code linli-spring-boot-starter} and a
 * {@code spring.datasource.url}, set {@code linli.tenant} and {@code linli.personal-data.key}, and
 * inject {@code DemandIntake}, {@code TimeBank}, {@code EventStore}, {@code PersonalDataStore},
 * {@code DemandClassifier} and the {@code Clock}. Every bean backs off when the application defines
 * its own. See {@link io.github.linli.spring.boot.LinliProperties} for the {@code linli.*} settings.
 *
 * @since 0.1.0
 */
package io.github.linli.spring.boot;
