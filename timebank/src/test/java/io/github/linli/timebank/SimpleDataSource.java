package io.github.linli.timebank;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A DataSource over DriverManager: what a test needs, with no driver class named at compile time. */
final class SimpleDataSource extends TestDataSourceBase {
  private final String url;
  private final String user;
  private final String password;

  SimpleDataSource(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  @Override
  public Connection getConnection(String u, String p) throws SQLException {
    return DriverManager.getConnection(url, u, p);
  }
}
