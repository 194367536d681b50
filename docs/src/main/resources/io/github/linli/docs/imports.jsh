// The imports linli-jshell loads: JShell's usual defaults, then the public API of every Linli module.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.regex.*;
import java.util.stream.*;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import io.github.linli.core.*;
import io.github.linli.core.alliance.*;
import io.github.linli.core.governance.*;
import io.github.linli.core.demand.*;
import io.github.linli.core.privacy.*;
import io.github.linli.core.sample.*;
import io.github.linli.core.governance.budget.*;
import io.github.linli.core.store.*;
import io.github.linli.matching.*;
import io.github.linli.matching.solver.*;
// Linli's Matcher and MatchResult win over java.util.regex's (use java.util.regex.Matcher by its full name).
import io.github.linli.matching.Matcher;
import io.github.linli.matching.MatchResult;
import io.github.linli.timebank.*;
import io.github.linli.timebank.store.*;
import io.github.linli.scorecard.*;
import io.github.linli.scorecard.methods.*;
import io.github.linli.scorecard.survey.*;
// A table that a notebook shows as HTML (the Linli Jupyter kernel).
import io.github.linli.docs.kernel.Table;
