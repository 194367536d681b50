package io.github.linli.core.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of the tests' own, on a free loopback port, for what the shared
 * server must not suffer: immediate restarts, kills, a streaming replica and its promotion. Made
 * with the server's own binaries (initdb, pg_ctl, pg_basebackup); as root they run as the
 * {@code postgres} user. Removed by {@link #close()}.
 */
final class PgCluster implements AutoCloseable {
  final Path dir;
  final int port;
  private final Path bin;

  private PgCluster(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** The server binaries, if this machine has them. */
  static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.resolve("bin"))
          .filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
          .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  static boolean available() {
    if (binaries() == null) {
      return false;
    }
    return !isRoot() || Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"));
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** initdb and start a primary that accepts a streaming replica. */
  static PgCluster primary(String synchronousStandby) throws Exception {
    return primary(synchronousStandby, "on");
  }

  /** As {@link #primary(String)}, with a synchronous_commit level (on, remote_apply …). */
  static PgCluster primary(String synchronousStandby, String commitLevel) throws Exception {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("linli-pg-");
    PgCluster c = new PgCluster(bin, dir.resolve("data"), freePort());
    c.own(dir);
    c.run(bin.resolve("initdb").toString(), "-D", c.dir.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
        "--locale=C", "--no-sync");
    c.configure(synchronousStandby == null ? "" : "synchronous_standby_names = '" + synchronousStandby + "'\n"
        + "synchronous_commit = " + commitLevel + "\n");
    Files.writeString(c.dir.resolve("pg_hba.conf"),
        "local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n",
        StandardCharsets.UTF_8);
    c.start();
    return c;
  }

  /** A streaming replica of this cluster, started, named for synchronous replication. */
  PgCluster replica(String name) throws Exception {
    Path parent = Files.createTempDirectory("linli-pg-replica-");
    PgCluster r = new PgCluster(bin, parent.resolve("data"), freePort());
    own(parent);
    r.run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
        "-D", r.dir.toString(), "-X", "stream", "-R", "--no-sync");
    // once promoted it stands alone: it must not wait for a synchronous standby of its own
    r.configure("primary_conninfo = 'host=127.0.0.1 port=" + port + " user=postgres application_name=" + name + "'\n"
        + "synchronous_standby_names = ''\n");
    r.start();
    return r;
  }

  private void configure(String extra) throws Exception {
    String conf = "port = " + port + "\n"
        + "listen_addresses = '127.0.0.1'\n"
        + "unix_socket_directories = '" + dir + "'\n"
        + "wal_level = replica\nmax_wal_senders = 5\nhot_standby = on\n"
        + "max_connections = 60\nshared_buffers = 16MB\nfsync = on\n"
        + extra;
    Files.writeString(dir.resolve("postgresql.auto.conf"),
        (Files.exists(dir.resolve("postgresql.auto.conf")) ? Files.readString(dir.resolve("postgresql.auto.conf")) : "")
            + conf, StandardCharsets.UTF_8);
    if (isRoot()) {
      run("chown", "-R", "postgres", dir.toString());
    }
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  Db db() {
    return Db.at(url() + "?connectTimeout=3&socketTimeout=30", "postgres");
  }

  void start() throws Exception {
    try {
      run(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60", "start");
    } catch (IllegalStateException e) {
      Path log = dir.resolve("log");
      throw new IllegalStateException(e.getMessage() + (Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : ""), e);
    }
    waitUp();
  }

  /** Stops the server at once, as a crash would: no checkpoint, clients cut off. */
  void stopImmediately() throws Exception {
    run(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "immediate", "-w", "stop");
  }

  /** kill -9 of the postmaster. */
  void kill() throws Exception {
    String pid = Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip();
    new ProcessBuilder("kill", "-9", pid).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
  }

  void promote() throws Exception {
    run(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-w", "-t", "60", "promote");
  }

  void waitUp() throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = DriverManager.getConnection(url() + "?connectTimeout=2", "postgres", "")) {
        if (c.isValid(2)) {
          return;
        }
      } catch (Exception e) {
        if (System.nanoTime() > until) {
          throw e;
        }
      }
      Thread.sleep(100);
    }
  }

  private void own(Path p) throws Exception {
    if (isRoot()) {
      run("chown", "-R", "postgres", p.toString());
    }
  }

  private void run(String... command) throws Exception {
    List<String> cmd = new ArrayList<>();
    if (isRoot() && !command[0].equals("chown")) {
      cmd.add("runuser");
      cmd.add("-u");
      cmd.add("postgres");
      cmd.add("--");
    }
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
    }
  }

  @Override
  public void close() {
    try {
      stopImmediately();
    } catch (Exception ignored) {
      // already down
    }
    try (Stream<Path> s = Files.walk(dir.getParent())) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }
}
