// The imports linli-jshell loads: the public API of every Linli module.
import io.github.linli.core.*;
import io.github.linli.core.demand.*;
import io.github.linli.timebank.*;
import io.github.linli.timebank.store.*;
import java.time.*;
import java.nio.file.*;
