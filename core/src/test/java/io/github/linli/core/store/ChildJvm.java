package io.github.linli.core.store;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM for the tests of several servers and of crashes: this JVM's java and class path. */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * Starts {@code main} of a class in a new JVM, its error stream merged into its output.
   *
   * @param main the class whose main runs
   * @param args its arguments
   * @return the process
   * @throws IOException if it cannot start
   */
  public static Process start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * The process's output, line by line, as UTF-8.
   *
   * @param child the process
   * @return a reader of its output
   */
  public static BufferedReader output(Process child) {
    return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * A print stream that adds each line printed to a list, for running a child's work in this JVM.
   *
   * @param into where lines go
   * @return the stream
   */
  public static PrintStream lines(List<String> into) {
    return new PrintStream(new OutputStream() {
      private final ByteArrayOutputStream b = new ByteArrayOutputStream();

      @Override
      public void write(int c) {
        if (c == '\n') {
          into.add(b.toString(StandardCharsets.UTF_8));
          b.reset();
        } else {
          b.write(c);
        }
      }
    }, true, StandardCharsets.UTF_8);
  }
}
