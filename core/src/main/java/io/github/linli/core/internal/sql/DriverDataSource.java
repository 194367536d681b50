package io.github.linli.core.internal.sql;

import io.github.linli.core.ValidationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A {@link DataSource} over {@link DriverManager}, for the embedded database. Not API. */
public final class DriverDataSource extends DataSourceBase {
  private final String url;
  private final String user;
  private final String password;

  private DriverDataSource(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * A data source for a URL whose driver must be on the class path.
   *
   * @param url the JDBC URL
   * @param user the user
   * @param password the password
   * @param missing the message if no driver takes the URL
   * @return the data source
   * @throws ValidationException if no driver takes the URL
   */
  public static DriverDataSource of(String url, String user, String password, String missing) {
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw new ValidationException("url", url.substring(0, url.indexOf(':', 5)), missing);
    }
    return new DriverDataSource(url, user, password);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  @Override
  public Connection getConnection(String username, String pw) throws SQLException {
    return DriverManager.getConnection(url, username, pw);
  }

  @Override
  public String toString() {
    return "DriverDataSource{" + url.substring(0, Math.min(url.length(), url.indexOf(';') < 0 ? url.length() : url.indexOf(';'))) + "}";
  }
}
