package io.github.linli.docs;

import io.github.linli.core.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public types of every package a Linli module exports to everyone, found from each module's
 * {@code module-info} (its {@link ModuleDescriptor}) and the classes in its output folder or jar.
 * A type added to an exported package is found without any list to update.
 */
final class ExportedTypes {
  /** One class from each Linli module, to find its code. */
  static final List<String> ANCHORS = List.of(
      "io.github.linli.core.Actor",
      "io.github.linli.matching.Matcher",
      "io.github.linli.scorecard.Scorecard",
      "io.github.linli.timebank.package-info");

  private ExportedTypes() {}

  static List<Class<?>> publicTypes() {
    List<Class<?>> out = new ArrayList<>();
    for (Path location : locations()) {
      Optional<ModuleReference> ref = ModuleFinder.of(location).findAll().stream().findFirst();
      if (ref.isEmpty()) {
        continue;
      }
      for (ModuleDescriptor.Exports e : ref.get().descriptor().exports()) {
        if (e.isQualified()) {
          continue;
        }
        out.addAll(typesIn(location, e.source()));
      }
    }
    return out;
  }

  /** The module names whose code was found (to check that the scan saw the modules). */
  static List<String> modules() {
    List<String> names = new ArrayList<>();
    for (Path location : locations()) {
      ModuleFinder.of(location).findAll().stream().findFirst().ifPresent(r -> names.add(r.descriptor().name()));
    }
    return names;
  }

  private static List<Path> locations() {
    List<Path> paths = new ArrayList<>();
    for (String anchor : ANCHORS) {
      try {
        Class<?> c = Class.forName(anchor, false, Actor.class.getClassLoader());
        paths.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (ClassNotFoundException e) {
        // a module without that class (the time bank before its first type): try its package folder
        String pkg = anchor.substring(0, anchor.lastIndexOf('.'));
        Path guess = Path.of(System.getProperty("linli.docs.dir", "docs")).resolveSibling(pkg.split("\\.")[3] + "/target/classes");
        if (Files.isDirectory(guess)) {
          paths.add(guess.toAbsolutePath().normalize());
        }
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return paths;
  }

  private static List<Class<?>> typesIn(Path location, String pkg) {
    if (Files.isRegularFile(location)) {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return typesIn(jar.getPath("/"), pkg);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Class<?>> out = new ArrayList<>();
    Path dir = location.resolve(pkg.replace('.', '/'));
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".class") || name.equals("package-info.class") || name.equals("module-info.class")) {
          continue;
        }
        String binary = pkg + "." + name.substring(0, name.length() - ".class".length());
        Class<?> c = Class.forName(binary, false, Actor.class.getClassLoader());
        if (isPublic(c) && !c.isAnonymousClass() && !c.isSynthetic()) {
          out.add(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
