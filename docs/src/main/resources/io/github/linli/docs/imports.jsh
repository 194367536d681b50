// The imports linli-jshell loads: the public API of every Linli module.
import io.github.linli.core.*;
import io.github.linli.core.demand.*;
import java.time.*;
import java.nio.file.*;
