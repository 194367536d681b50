package io.github.linli.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The opt-in problem-details advice ({@code linli.web.problem-details=true}) in a servlet web
 * application.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LinliAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.http.ProblemDetail")
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "linli.web", name = "problem-details", havingValue = "true")
public class LinliWebAutoConfiguration {
  /** Creates the configuration (Spring does). */
  public LinliWebAutoConfiguration() {}

  /**
   * The advice.
   *
   * @param properties the settings
   * @return the advice
   */
  @Bean
  @ConditionalOnMissingBean
  public LinliProblemDetails linliProblemDetails(LinliProperties properties) {
    return new LinliProblemDetails(properties.getWeb().getTroubleshootingUrl());
  }
}
