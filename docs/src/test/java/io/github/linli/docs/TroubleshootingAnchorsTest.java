package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.LinliException;
import io.github.linli.core.MissingAttributesException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ValidationException;
import io.github.linli.timebank.store.StoreException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error kind's troubleshootingAnchor() names a section of docs/troubleshooting.md. */
class TroubleshootingAnchorsTest {
  @Test
  void everyExceptionKind_hasASection() throws Exception {
    String page = Files.readString(RunnableDocsTest.DOCS.resolve("troubleshooting.md"));
    List<LinliException> kinds =
        List.of(
            new ValidationException("f", "v", "p"),
            new MissingAttributesException("id"),
            new PermissionDeniedException(Actor.system(), "a", "r"),
            new NotFoundException("member", "m-1"),
            new ConflictException("c"),
            new ConsistencyException("c"),
            new StoreException("s", new RuntimeException()));
    for (LinliException e : kinds) {
      assertTrue(page.contains("\n## " + e.troubleshootingAnchor() + "\n"), e.getClass().getSimpleName() + " -> #" + e.troubleshootingAnchor());
    }
  }
}
