package io.github.linli.docs.kernel;

import io.github.linli.docs.JshRunner;
import io.github.linli.scorecard.Chart;
import io.github.linli.scorecard.Reports;
import io.github.linli.scorecard.Scorecard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;

/**
 * A Jupyter kernel for Linli: JShell running in the kernel's JVM, with every Linli module on the
 * class path and the common imports loaded (as {@code ./linli-jshell}), on the kernel base of
 * JJava ({@code org.dflib.jjava:jjava-jupyter}). The value of a cell's last expression is shown
 * richly: a {@link Chart} inline as SVG, a {@link Scorecard} as its Markdown report (Chinese for a
 * Chinese default locale, English otherwise), a {@link Table} as HTML, anything else as text.
 *
 * <p>Start it with the connection file Jupyter passes: {@code LinliKernel CONNECTION.json};
 * {@code ./linli-jshell --install-kernel} writes the kernel spec that does so.
 *
 * <p>One kernel serves one notebook; cells run one at a time (not thread-safe otherwise).
 */
public final class LinliKernel extends BaseKernel {
  private final JShell shell;

  /** Where a cell's last value is handed from the snippet to the kernel (same class loader). */
  public static final class Stash {
    private static Object value;

    private Stash() {}

    /**
     * Keeps a value for the kernel to render.
     *
     * @param v the value
     */
    public static void put(Object v) {
      value = v;
    }

    static Object take() {
      Object v = value;
      value = null;
      return v;
    }
  }

  LinliKernel(String name, String version, org.dflib.jjava.jupyter.kernel.history.HistoryManager history,
      org.dflib.jjava.jupyter.kernel.JupyterIO io, org.dflib.jjava.jupyter.kernel.comm.CommManager comms,
      org.dflib.jjava.jupyter.kernel.display.Renderer renderer, MagicParser magics,
      org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry registry, org.dflib.jjava.jupyter.kernel.util.StringStyler errors) {
    super(name, version,
        new LanguageInfo("java", System.getProperty("java.version"), "text/x-java-source", ".jshell", "java", "java", "java"),
        List.of(), history, io, comms, renderer, magics, registry, false, errors);
    this.shell = JShell.builder().executionEngine("local").build();
    shell.addToClasspath(System.getProperty("java.class.path"));
    run(JshRunner.imports());
    renderer.createRegistration(Chart.class).preferring(MIMEType.IMAGE_SVG).supporting(MIMEType.TEXT_PLAIN)
        .register((chart, ctx) -> {
          ctx.renderIfRequested(MIMEType.IMAGE_SVG, chart::svg);
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, chart::toString);
        });
    renderer.createRegistration(Scorecard.class).preferring(MIMEType.TEXT_MARKDOWN).supporting(MIMEType.TEXT_PLAIN)
        .register((card, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_MARKDOWN, () -> Reports.markdown(card, Locale.getDefault()));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, card::toString);
        });
    renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
        .register((table, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, table::html);
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, table::toString);
        });
  }

  /** Builds the kernel. */
  static final class Builder extends BaseKernelBuilder<Builder, LinliKernel> {
    @Override
    public LinliKernel build() {
      return new LinliKernel(buildName(), buildVersion(), buildHistoryManager(), buildJupyterIO(buildJupyterIOEncoding()),
          buildCommManager(), buildRenderer(), new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler()),
          buildMagicsRegistry(), buildErrorStyler());
    }

    @Override
    protected String buildName() {
      return "Linli";
    }

    @Override
    protected String buildVersion() {
      String v = LinliKernel.class.getPackage().getImplementationVersion();
      return v == null ? "0.1.0-SNAPSHOT" : v;
    }

  }

  @Override
  public String getBanner() {
    return "Linli (邻里) on JShell " + System.getProperty("java.version") + ": every module and the common imports are loaded";
  }

  /**
   * Runs a cell: every snippet in turn; the value of the last expression (or of a variable
   * declared last) is the cell's result.
   */
  @Override
  public Object evalRaw(String code) {
    Object last = null;
    String remaining = code;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      String snippet = info.completeness().isComplete() ? info.source() : remaining;
      remaining = info.completeness().isComplete() ? info.remaining() : "";
      last = null;
      for (SnippetEvent e : shell.eval(snippet)) {
        if (e.causeSnippet() != null) {
          continue;
        }
        if (e.status() == Snippet.Status.REJECTED) {
          StringBuilder b = new StringBuilder("the snippet does not compile:\n" + snippet.strip());
          shell.diagnostics(e.snippet()).forEach(d -> b.append("\n  ").append(d.getMessage(Locale.ENGLISH)));
          throw new CellException(b.toString());
        }
        if (e.exception() != null) {
          Throwable x = e.exception();
          String type = x instanceof EvalException ? ((EvalException) x).getExceptionClassName() : x.getClass().getName();
          throw new CellException(type + ": " + x.getMessage());
        }
        // an expression's value is kept in a temporary variable ($1); a bare variable is its own
        String name = null;
        if (e.snippet().kind() == Snippet.Kind.VAR && e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
          name = ((VarSnippet) e.snippet()).name();
        } else if (e.snippet() instanceof jdk.jshell.ExpressionSnippet x && x.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
          name = x.name();
        }
        if (name != null && e.value() != null) {
          shell.eval(Stash.class.getCanonicalName() + ".put(" + name + ");");
          last = Stash.take();
        }
      }
    }
    return last;
  }

  private void run(String source) {
    try {
      evalRaw(source);
    } catch (CellException e) {
      throw new IllegalStateException("the common imports failed: " + e.getMessage(), e);
    }
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return null;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int[] anchor = new int[1];
    List<String> options = new ArrayList<>();
    for (SourceCodeAnalysis.Suggestion s : shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor)) {
      options.add(s.continuation());
    }
    return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], at);
  }

  @Override
  public String isComplete(String code) {
    SourceCodeAnalysis.Completeness c = shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
    return c.isComplete() || c == SourceCodeAnalysis.Completeness.EMPTY ? IS_COMPLETE_YES
        : c == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE ? "" : IS_COMPLETE_MAYBE;
  }

  @Override
  public List<String> formatError(Throwable e) {
    if (e instanceof CellException) {
      return List.of(errorStyler.primary(e.getMessage()));
    }
    return super.formatError(e);
  }

  /** Stops the running cell (Jupyter's interrupt button). */
  @Override
  public void interrupt() {
    shell.stop();
  }

  @Override
  public void onShutdown(boolean restart) {
    shell.close();
  }

  /** A cell that did not compile or threw. */
  static final class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CellException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Starts the kernel on a connection file.
   *
   * @param args the connection file Jupyter writes
   * @throws Exception if the connection cannot be made
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LinliKernel CONNECTION_FILE.json");
      System.exit(2);
    }
    KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    JupyterConnection connection = new JupyterConnection(props);
    LinliKernel kernel = new Builder().build();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
  }
}
