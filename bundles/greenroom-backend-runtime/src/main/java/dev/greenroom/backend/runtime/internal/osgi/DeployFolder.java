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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
   * The bundle jars in the folder that FileInstall has not installed yet, skipping the ones the
   * runtime will refuse (a second copy of a bundle installed from another file, {@link
   * DeployGuard}'s rule). Jars that are not bundles, or are corrupt, are not waited for: FileInstall
   * never installs them.
   *
   * <p>Called every few milliseconds while the root start waits for a full folder, so it costs
   * O(bundles + files) per call: each jar's manifest is read once per content (size and
   * modification time), and the installed bundles are indexed once per call.
   */
  List<Path> notYetInstalled() {
    List<Path> out = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return out;
    }
    Set<Path> installed = new HashSet<>();
    Map<String, List<Path>> byIdentity = new HashMap<>();
    Bundle[] all;
    try {
      all = context.getBundles();
    } catch (IllegalStateException stopping) {
      return out;
    }
    for (Bundle b : all) {
      if (b.getState() == Bundle.UNINSTALLED) {
        continue;
      }
      Optional<Path> file = InstalledBundles.filePath(b.getLocation()).map(p -> p.toAbsolutePath().normalize());
      file.filter(p -> p.startsWith(folder)).ifPresent(installed::add);
      byIdentity.computeIfAbsent(b.getSymbolicName() + " " + b.getVersion(), k -> new ArrayList<>())
          .add(file.orElse(null));
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
        Path jar = p.toAbsolutePath().normalize();
        if (installed.contains(jar)
            || !(inspected(jar) instanceof DeployedJar.BundleJar bundle)) {
          continue;
        }
        List<Path> same = byIdentity.getOrDefault(bundle.symbolicName() + " " + bundle.version(), List.of());
        boolean refused = same.stream().anyMatch(other -> other == null || !other.equals(jar));
        if (!refused) {
          out.add(jar);
        }
      }
    } catch (IOException e) {
      return out; // the folder went away: nothing to wait for
    }
    out.sort(null);
    return out;
  }

  /**
   * The folder's bundles not started yet, resolved or not, for {@link DeployStarts}, which resolves
   * them one plugin at a time, each group in one resolve. FileInstall installs a folder's jars as a
   * batch and then starts them one by one; each start resolved its bundle alone, and with resolver
   * hooks registered (Greenroom's) the framework lists every unresolved revision for each such
   * resolve: O(N^2) for N bundles (issue 15). A resolve of the whole folder at once made the first
   * plugin wait for all of it (issue 15, round 4).
   */
  List<Bundle> notStarted() {
    List<Bundle> notStarted = new ArrayList<>();
    for (Bundle b : bundles()) {
      int state = b.getState();
      if (state == Bundle.INSTALLED || state == Bundle.RESOLVED) {
        notStarted.add(b);
      }
    }
    return notStarted;
  }

  /** The file in the folder {@code b} was installed from, if it was (normalized, absolute). */
  Optional<Path> installedFile(Bundle b) {
    return folder == null ? Optional.empty() : fileOf(b);
  }

  private record Inspected(long size, long modified, DeployedJar jar) {}

  private final Map<Path, Inspected> inspections = new ConcurrentHashMap<>();

  /** {@link DeployedJar#inspect}, read again only when the file's size or modification time changed. */
  private DeployedJar inspected(Path jar) {
    File f = jar.toFile();
    long size = f.length();
    long modified = f.lastModified();
    Inspected seen = inspections.get(jar);
    if (seen != null && seen.size() == size && seen.modified() == modified) {
      return seen.jar();
    }
    DeployedJar now = DeployedJar.inspect(f);
    inspections.put(jar, new Inspected(size, modified, now));
    return now;
  }

  /** The wait for a full folder is over: the cache of manifests is not needed any more. */
  void forgetInspections() {
    inspections.clear();
  }

  /** The bundle's file when it was installed from the folder (or below it), else empty. */
  private Optional<Path> fileOf(Bundle b) {
    return InstalledBundles.filePath(b.getLocation())
        .map(p -> p.toAbsolutePath().normalize())
        .filter(p -> p.startsWith(folder));
  }
}
