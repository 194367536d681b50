package io.github.linli.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs JShell source (a {@code .jsh} file, or the Java blocks of a guide page) non-interactively in
 * this JVM, with Linli's common imports loaded, and stops at the first snippet that fails to
 * compile or throws. Used by {@code ./linli-jshell FILE.jsh} and by the docs tests.
 *
 * <p>Commands such as {@code /exit 3} are honoured; other commands are ignored.
 */
public final class JshRunner {
  private JshRunner() {}

  /** The outcome of a run. */
  public static final class Outcome {
    private final int status;
    private final int snippets;
    private final String failure;

    Outcome(int status, int snippets, String failure) {
      this.status = status;
      this.snippets = snippets;
      this.failure = failure;
    }

    /**
     * The exit status: 0 when every snippet ran, 1 on a failure, or the value of {@code /exit n}.
     *
     * @return the status
     */
    public int status() {
      return status;
    }

    /**
     * How many snippets were evaluated.
     *
     * @return the count
     */
    public int snippets() {
      return snippets;
    }

    /**
     * What failed, or the empty string.
     *
     * @return the failure description
     */
    public String failure() {
      return failure;
    }

    @Override
    public String toString() {
      return "Outcome{status=" + status + ", snippets=" + snippets + (failure.isEmpty() ? "" : ", failure=" + failure) + "}";
    }
  }

  /**
   * Runs a {@code .jsh} file and exits with its status.
   *
   * @param args the file to run
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JshRunner FILE.jsh");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    if (!Files.isRegularFile(file)) {
      System.err.println("linli-jshell: no such file: " + file);
      System.exit(2);
    }
    Outcome outcome = run(Files.readString(file, StandardCharsets.UTF_8), file.toString(), System.out, System.err);
    System.out.flush();
    System.exit(outcome.status());
  }

  /**
   * Runs JShell source with the common imports.
   *
   * @param source the source
   * @param name a name for messages
   * @param out where snippet output and messages go
   * @param err where failures are reported
   * @return the outcome
   */
  public static Outcome run(String source, String name, PrintStream out, PrintStream err) {
    Objects.requireNonNull(source, "source");
    try (JShell shell = JShell.builder().out(out).err(err).executionEngine("local").build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      Outcome imports = evalAll(shell, imports(), "imports.jsh", err);
      if (imports.status() != 0) {
        return imports;
      }
      return evalAll(shell, source, name, err);
    }
  }

  /**
   * The common imports, as JShell source.
   *
   * @return the imports
   */
  public static String imports() {
    try (InputStream in = JshRunner.class.getResourceAsStream("imports.jsh")) {
      return new String(Objects.requireNonNull(in, "imports.jsh resource").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read imports.jsh", e);
    }
  }

  private static Outcome evalAll(JShell shell, String source, String name, PrintStream err) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    List<String> pending = new ArrayList<>();
    StringBuilder code = new StringBuilder();
    // Commands (lines starting with '/') are handled between snippets.
    for (String line : source.split("\r?\n", -1)) {
      String t = line.strip();
      if (t.startsWith("/") && !t.startsWith("//") && !t.startsWith("/*") && code.toString().isBlank()) {
        pending.add(t);
        continue;
      }
      if (t.startsWith("/") && !t.startsWith("//") && !t.startsWith("/*")) {
        pending.add("\u0000" + code);
        code.setLength(0);
        pending.add(t);
        continue;
      }
      code.append(line).append('\n');
    }
    pending.add("\u0000" + code);
    int count = 0;
    for (String item : pending) {
      if (item.startsWith("\u0000")) {
        String remaining = item.substring(1);
        while (!remaining.isBlank()) {
          SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
          if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
            break;
          }
          String snippet = info.completeness().isComplete() ? info.source() : remaining;
          remaining = info.completeness().isComplete() ? info.remaining() : "";
          count++;
          String failure = eval(shell, snippet, name);
          if (!failure.isEmpty()) {
            err.println(failure);
            return new Outcome(1, count, failure);
          }
        }
      } else if (item.startsWith("/exit")) {
        String arg = item.substring(5).strip();
        int status = 0;
        if (!arg.isEmpty()) {
          try {
            status = Integer.parseInt(arg);
          } catch (NumberFormatException e) {
            return new Outcome(1, count, name + ": bad /exit argument " + arg);
          }
        }
        return new Outcome(status, count, status == 0 ? "" : name + ": /exit " + status);
      }
    }
    return new Outcome(0, count, "");
  }

  private static String eval(JShell shell, String snippet, String name) {
    for (SnippetEvent e : shell.eval(snippet)) {
      if (e.status() == Snippet.Status.REJECTED) {
        StringBuilder b = new StringBuilder(name + ": snippet rejected:\n" + snippet.strip() + "\n");
        shell.diagnostics(e.snippet()).forEach(d -> b.append("  ").append(describe(d)).append('\n'));
        return b.toString();
      }
      if (e.exception() != null) {
        Throwable x = e.exception();
        String type = x instanceof EvalException ? ((EvalException) x).getExceptionClassName() : x.getClass().getName();
        StringBuilder b = new StringBuilder(name + ": snippet threw " + type + ": " + x.getMessage() + "\n" + snippet.strip() + "\n");
        for (StackTraceElement s : x.getStackTrace()) {
          b.append("    at ").append(s).append('\n');
        }
        return b.toString();
      }
    }
    return "";
  }

  private static String describe(Diag d) {
    return (d.isError() ? "error: " : "warning: ") + d.getMessage(Locale.ENGLISH);
  }
}
