package io.github.linli.spring.boot;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code linli.*} settings of the starter. Mutable (Spring binds it once at start-up); read
 * only after binding, so safe to share between threads from then on.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "linli")
public class LinliProperties {
  /** The community's time zone: the clock, days, months and statements use it. */
  private ZoneId zone = ZoneId.of("Asia/Shanghai");

  /** The tenant (community id) the event store, ledger and personal-data store are kept under. */
  private String tenant = "default";

  /**
   * Whether the event store applies Linli's pending migrations at start-up (under a lock). Set false
   * when the application's Flyway applies them (classpath:linli/migration, table
   * linli_schema_history).
   */
  private boolean migrate = true;

  private final PersonalData personalData = new PersonalData();
  private final Json json = new Json();
  private final Web web = new Web();
  private final FlywaySettings flyway = new FlywaySettings();
  private final Jobs jobs = new Jobs();

  /**
   * Creates the default settings.
   */
  public LinliProperties() {}

  /**
   * The time zone.
   *
   * @return the zone
   */
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Sets the time zone.
   *
   * @param zone the zone
   */
  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The tenant.
   *
   * @return the tenant id
   */
  public String getTenant() {
    return tenant;
  }

  /**
   * Sets the tenant.
   *
   * @param tenant the tenant id
   */
  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  /**
   * Whether the store migrates at start-up.
   *
   * @return true to apply pending migrations
   */
  public boolean isMigrate() {
    return migrate;
  }

  /**
   * Sets whether the store migrates at start-up.
   *
   * @param migrate true to apply pending migrations
   */
  public void setMigrate(boolean migrate) {
    this.migrate = migrate;
  }

  /**
   * The personal-data settings.
   *
   * @return the settings
   */
  public PersonalData getPersonalData() {
    return personalData;
  }

  /**
   * The JSON settings.
   *
   * @return the settings
   */
  public Json getJson() {
    return json;
  }

  /**
   * The web settings.
   *
   * @return the settings
   */
  public Web getWeb() {
    return web;
  }

  /**
   * The Flyway settings.
   *
   * @return the settings
   */
  public FlywaySettings getFlyway() {
    return flyway;
  }

  /**
   * The scheduled jobs' settings.
   *
   * @return the settings
   */
  public Jobs getJobs() {
    return jobs;
  }

  /** How Linli's migrations are applied when Flyway is on the class path. */
  public static class FlywaySettings {
    /**
     * Apply Linli's migrations with Flyway (own history table linli_schema_history) when Flyway is
     * on the class path; false leaves them to the event store.
     */
    private boolean enabled = true;

    /** Creates default settings. */
    public FlywaySettings() {}

    /**
     * Whether Flyway applies Linli's migrations.
     *
     * @return true when it does
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether Flyway applies Linli's migrations.
     *
     * @param enabled true when it does
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The opt-in scheduled jobs. */
  public static class Jobs {
    /** Run the jobs (expire pending transfers, auto-confirm exchanges, verify the ledger). */
    private boolean enabled;

    /** How often pending transfers are expired and due exchanges auto-confirmed. */
    private java.time.Duration expireInterval = java.time.Duration.ofMinutes(1);

    /** When the ledger is verified (a Spring cron expression, in linli.zone). */
    private String verifyCron = "0 30 3 * * *";

    /** Creates default settings. */
    public Jobs() {}

    /**
     * Whether the jobs run.
     *
     * @return true when they run
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the jobs run.
     *
     * @param enabled true to run them
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The expiry interval.
     *
     * @return the interval
     */
    public java.time.Duration getExpireInterval() {
      return expireInterval;
    }

    /**
     * Sets the expiry interval.
     *
     * @param expireInterval the interval
     */
    public void setExpireInterval(java.time.Duration expireInterval) {
      this.expireInterval = expireInterval;
    }

    /**
     * The verification schedule.
     *
     * @return a cron expression
     */
    public String getVerifyCron() {
      return verifyCron;
    }

    /**
     * Sets the verification schedule.
     *
     * @param verifyCron a cron expression
     */
    public void setVerifyCron(String verifyCron) {
      this.verifyCron = verifyCron;
    }
  }

  /** Settings of the personal-data store. */
  public static class PersonalData {
    /**
     * The AES key (128, 192 or 256 bits, Base64) that encrypts residents' personal data at rest.
     * Keep it in the platform's secret store, never in the repository.
     */
    private String key;

    /** Creates empty settings. */
    public PersonalData() {}

    /**
     * The key.
     *
     * @return the Base64 key, or null
     */
    public String getKey() {
      return key;
    }

    /**
     * Sets the key.
     *
     * @param key the Base64 key
     */
    public void setKey(String key) {
      this.key = key;
    }

    @Override
    public String toString() {
      return "PersonalData{key=****}";
    }
  }

  /** Settings of the JSON module. */
  public static class Json {
    /** Write every label as one string in this locale (zh or en) instead of {"zh","en"}. */
    private Locale labelLocale;

    /** Write Linli's enums as {"code","zh","en"} instead of the name alone. */
    private boolean enumLabels;

    /** Creates default settings. */
    public Json() {}

    /**
     * The label locale.
     *
     * @return the locale, or null for both languages
     */
    public Locale getLabelLocale() {
      return labelLocale;
    }

    /**
     * Sets the label locale.
     *
     * @param labelLocale the locale
     */
    public void setLabelLocale(Locale labelLocale) {
      this.labelLocale = labelLocale;
    }

    /**
     * Whether enums carry labels.
     *
     * @return true for labelled enums
     */
    public boolean isEnumLabels() {
      return enumLabels;
    }

    /**
     * Sets whether enums carry labels.
     *
     * @param enumLabels true for labelled enums
     */
    public void setEnumLabels(boolean enumLabels) {
      this.enumLabels = enumLabels;
    }
  }

  /** Web settings. */
  public static class Web {
    /** Answer LinliException with RFC 9457 problem details (opt-in). */
    private boolean problemDetails;

    /** Where the troubleshooting page lives; the problem type is this URL plus #anchor. */
    private String troubleshootingUrl = "https://linli-sdk.github.io/linli/troubleshooting.html";

    /** Creates default settings. */
    public Web() {}

    /**
     * Whether problem details are on.
     *
     * @return true when on
     */
    public boolean isProblemDetails() {
      return problemDetails;
    }

    /**
     * Turns problem details on or off.
     *
     * @param problemDetails true for on
     */
    public void setProblemDetails(boolean problemDetails) {
      this.problemDetails = problemDetails;
    }

    /**
     * The troubleshooting page.
     *
     * @return its URL
     */
    public String getTroubleshootingUrl() {
      return troubleshootingUrl;
    }

    /**
     * Sets the troubleshooting page.
     *
     * @param troubleshootingUrl its URL
     */
    public void setTroubleshootingUrl(String troubleshootingUrl) {
      this.troubleshootingUrl = troubleshootingUrl;
    }
  }
}
