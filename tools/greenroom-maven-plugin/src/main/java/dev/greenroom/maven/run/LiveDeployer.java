package dev.greenroom.maven.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * Fills the runtime's {@code deploy/} folder, which FileInstall watches (docs/live-plugins.md), and
 * keeps it in step with the project: {@link #redeployChanged()} copies a watched jar again once it
 * changed and then held still for one poll (so a jar the build is still writing is never copied),
 * and only if it opens as a jar. Each copy goes to a staging folder first and is then moved into
 * place atomically, so FileInstall never sees half a file.
 */
public final class LiveDeployer {
  /** A jar to deploy as {@code deploy/<name>}; {@code watched}: copied again when it changes (the project's own bundles). */
  public record Source(Path jar, String name, boolean watched) {}

  private record Stamp(long modified, long size) {}

  private final Path deployDir;
  private final Path stagingDir;
  private final List<Source> sources;
  private final Map<Source, Stamp> deployed = new HashMap<>();
  private final Map<Source, Stamp> pending = new HashMap<>();

  public LiveDeployer(Path deployDir, Path stagingDir, List<Source> sources) {
    this.deployDir = deployDir;
    this.stagingDir = stagingDir;
    this.sources = List.copyOf(sources);
  }

  public Path deployDir() {
    return deployDir;
  }

  /**
   * Empties {@code deploy/} of jars from an earlier run and copies every source. Other files there
   * (your {@code <pid>.cfg} configurations) stay.
   */
  public void deployAll() throws IOException {
    Files.createDirectories(deployDir);
    Files.createDirectories(stagingDir);
    try (var old = Files.list(deployDir)) {
      for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
        Files.delete(p);
      }
    }
    for (Source s : sources) {
      copy(s);
    }
  }

  /** Copies every watched jar that changed since its last copy and has held still since the last poll; returns those copied. */
  public List<Source> redeployChanged() throws IOException {
    List<Source> copied = new ArrayList<>();
    for (Source s : sources) {
      if (!s.watched() || !Files.isRegularFile(s.jar())) {
        continue; // a `mvn clean` in progress: keep what is deployed
      }
      Stamp now = stamp(s.jar());
      if (now.equals(deployed.get(s))) {
        pending.remove(s);
        continue;
      }
      if (now.equals(pending.get(s)) && opens(s.jar())) {
        copy(s);
        pending.remove(s);
        copied.add(s);
      } else {
        pending.put(s, now);
      }
    }
    return copied;
  }

  private void copy(Source s) throws IOException {
    Stamp before = stamp(s.jar());
    Path staged = stagingDir.resolve(s.name());
    Files.copy(s.jar(), staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, deployDir.resolve(s.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    deployed.put(s, before);
  }

  private static Stamp stamp(Path jar) throws IOException {
    return new Stamp(Files.getLastModifiedTime(jar).toMillis(), Files.size(jar));
  }

  private static boolean opens(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest() != null;
    } catch (IOException e) {
      return false;
    }
  }
}
