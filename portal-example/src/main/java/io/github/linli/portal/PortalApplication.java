package io.github.linli.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reference street-office portal (街道办门户示例): members and pledges of the alliance, residents'
 * needs in Chinese, classified on arrival, and the time bank, as JSON over HTTP. Everything but the
 * controller comes from the Linli starter. Not published; built and tested only.
 */
@SpringBootApplication
public class PortalApplication {
  /**
   * Starts the portal.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }
}
