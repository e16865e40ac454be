package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.runtime.internal.deploy.DeployedJar;
import dev.greenroom.backend.runtime.internal.deploy.UnresolvedDeploys;
import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The bundles FileInstall installed from its folder ({@code felix.fileinstall.dir}): how many
 * there are, and which of them cannot resolve ({@link UnresolvedRequirements}, fed to {@link
 * UnresolvedDeploys}). Only the folder of the framework property is known; folders FileInstall
 * gets from ConfigAdmin are not.
 */
final class DeployFolder {
  static final String DIR_PROPERTY = "felix.fileinstall.dir";

  private final BundleContext context;
  private final String configured;
  private final Path folder;
  private final UnresolvedDeploys unresolved;
  /** Bundles the framework tried to resolve (ResolveAttempts), so it is known that someone wants them. */
  private final Set<Long> attempted = ConcurrentHashMap.newKeySet();

  DeployFolder(BundleContext context, UnresolvedDeploys unresolved) {
    this.context = context;
    String dir = context.getProperty(DIR_PROPERTY);
    this.configured = dir == null || dir.isBlank() ? null : dir;
    this.folder = configured == null ? null : Path.of(configured).toAbsolutePath().normalize();
    this.unresolved = unresolved;
  }

  /** The framework is about to resolve these revisions (a start, a refresh). */
  void resolving(Collection<BundleRevision> triggers) {
    for (BundleRevision r : triggers) {
      attempted.add(r.getBundle().getBundleId());
    }
  }

  /**
   * Looks at every bundle installed from the folder and hands the unresolvable ones to {@link
   * UnresolvedDeploys} (which logs new ones); returns them. Synchronized so that an older
   * observation never replaces a newer one.
   */
  synchronized List<DeployProblemDTO> check() {
    List<UnresolvedDeploys.Observed> now = new ArrayList<>();
    Set<Long> present = new HashSet<>();
    for (Bundle b : bundles()) {
      present.add(b.getBundleId());
      if (b.getState() != Bundle.INSTALLED || !wanted(b)) {
        continue;
      }
      try {
        String reason = UnresolvedRequirements.of(context, b);
        Optional<Path> file = fileOf(b);
        if (reason != null && file.isPresent()) {
          now.add(new UnresolvedDeploys.Observed(file.get().toString(), BundleNames.of(b), reason));
        }
      } catch (IllegalStateException uninstalledMeanwhile) {
        // its file was deleted while we looked: nothing to report
      }
    }
    attempted.retainAll(present);
    return unresolved.update(now);
  }

  /** The folder, the bundles from it, and {@code problems} (the guard's and {@link #check()}'s). */
  DeployFolderDTO state(List<DeployProblemDTO> problems) {
    List<DeployProblemDTO> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(DeployProblemDTO::file));
    return new DeployFolderDTO(configured, bundles().size(), sorted);
  }

  /**
   * Only a bundle somebody asked to start, or the framework tried to resolve, has a problem: in a
   * FileInstall batch, a bundle installed before the one exporting its package is fine a moment
   * later, when FileInstall starts them (it installs the whole batch first).
   */
  private boolean wanted(Bundle b) {
    if (attempted.contains(b.getBundleId())) {
      return true;
    }
    BundleStartLevel level = b.adapt(BundleStartLevel.class);
    return level != null && level.isPersistentlyStarted();
  }

  private List<Bundle> bundles() {
    List<Bundle> out = new ArrayList<>();
    if (folder == null) {
      return out;
    }
    Bundle[] all;
    try {
      all = context.getBundles();
    } catch (IllegalStateException stopping) {
      return out;
    }
    for (Bundle b : all) {
      if (b.getState() != Bundle.UNINSTALLED && fileOf(b).isPresent()) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * The bundle jars in the folder that FileInstall has not installed yet, skipping the ones {@code
   * refused} says the runtime will refuse (a second copy of an installed bundle). Jars that are
   * not bundles, or are corrupt, are not waited for: FileInstall never installs them.
   */
  List<Path> notYetInstalled(Predicate<File> refused) {
    List<Path> out = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return out;
    }
    Set<Path> installed = new HashSet<>();
    for (Bundle b : bundles()) {
      fileOf(b).ifPresent(installed::add);
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
        Path jar = p.toAbsolutePath().normalize();
        if (!installed.contains(jar)
            && DeployedJar.inspect(jar.toFile())
                instanceof DeployedJar.BundleJar
            && !refused.test(jar.toFile())) {
          out.add(jar);
        }
      }
    } catch (IOException e) {
      return out; // the folder went away: nothing to wait for
    }
    return out;
  }

  /** The bundle's file when it was installed from the folder (or below it), else empty. */
  private Optional<Path> fileOf(Bundle b) {
    return InstalledBundles.filePath(b.getLocation())
        .map(p -> p.toAbsolutePath().normalize())
        .filter(p -> p.startsWith(folder));
  }
}
