package dev.greenroom.backend.runtime.internal.deploy;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Bad input in the hot-deploy folder, as data first and a log line second.
 *
 * <ul>
 *   <li>A corrupt jar (half-copied, truncated): FileInstall retries it silently on every poll and
 *       never says why nothing happens. It is logged once per content (size and modification time)
 *       with its file name, and forgotten once it reads as a jar.
 *   <li>A jar with the symbolic name and version of a bundle installed from another file:
 *       FileInstall would silently update that other bundle with this file's content. It is
 *       refused, naming both files.
 * </ul>
 *
 * <p>{@code installedFrom} answers the file (or location) a bundle with that symbolic name and
 * version was installed from, other than {@code file}; empty when there is none.
 */
public final class DeployGuard {
  private final BiFunction<DeployedJar.BundleJar, File, Optional<String>> installedFrom;
  private final Supplier<LoggerService> logger;
  private final Map<String, DeployProblemDTO> problems = new ConcurrentHashMap<>();
  private final Map<String, String> corruptSeen = new ConcurrentHashMap<>();

  public DeployGuard(BiFunction<DeployedJar.BundleJar, File, Optional<String>> installedFrom, Supplier<LoggerService> logger) {
    this.installedFrom = installedFrom;
    this.logger = logger;
  }

  /** Whether the runtime takes {@code file} (to refuse it); false lets FileInstall handle it. */
  public boolean claims(File file) {
    if (CoreServiceConfig.isCoreServiceConfig(file)) {
      return CoreServiceConfig.problem(file).isPresent(); // a good one goes to ConfigAdmin as usual
    }
    return claims(file, DeployedJar.inspect(file));
  }

  /**
   * {@link #claims(File)} for a jar already read: the launch-time install has read every jar of
   * the folder, and reading each once more here cost it a quarter of a second at 600 jars (issue 15).
   */
  public boolean claims(File file, DeployedJar jar) {
    if (CoreServiceConfig.isCoreServiceConfig(file)) {
      return CoreServiceConfig.problem(file).isPresent();
    }
    if (jar instanceof DeployedJar.Corrupt corrupt) {
      reportCorrupt(file, corrupt.reason());
      return false; // FileInstall keeps retrying it; a good copy is installed as usual
    }
    forgetCorrupt(file);
    return jar instanceof DeployedJar.BundleJar bundle && installedFrom.apply(bundle, file).isPresent();
  }

  /** Refuses {@code file} (FileInstall's install or update of a claimed file). */
  public void refuse(File file) {
    if (CoreServiceConfig.isCoreServiceConfig(file)) {
      CoreServiceConfig.problem(file).ifPresent(message -> {
        DeployProblemDTO old = problems.put(file.getPath(), new DeployProblemDTO(file.getPath(),
            DeployProblemDTO.ReasonCode.INVALID_CONFIG, null, null, message, System.currentTimeMillis()));
        if (old == null || !old.message().equals(message)) {
          logger.get().error(message);
        }
      });
      return;
    }
    if (!(DeployedJar.inspect(file) instanceof DeployedJar.BundleJar bundle)) {
      return;
    }
    Optional<String> other = installedFrom.apply(bundle, file);
    if (other.isEmpty()) {
      return;
    }
    String message = "Refused " + file.getName() + ": bundle " + bundle.symbolicName() + " " + bundle.version()
        + " is already installed from " + other.get();
    problems.put(file.getPath(), new DeployProblemDTO(file.getPath(), DeployProblemDTO.ReasonCode.DUPLICATE_BUNDLE,
        bundle.symbolicName() + " " + bundle.version(), null, message, System.currentTimeMillis()));
    logger.get().error(message);
  }

  /** The file was deleted (or no longer claimed). */
  public void forget(File file) {
    problems.remove(file.getPath());
    corruptSeen.remove(file.getPath());
  }

  public List<DeployProblemDTO> problems() {
    // a corrupt file deleted before it ever read as a jar never reaches FileInstall's listeners
    problems.keySet().removeIf(path -> !new File(path).exists());
    corruptSeen.keySet().removeIf(path -> !new File(path).exists());
    List<DeployProblemDTO> out = new ArrayList<>(problems.values());
    out.sort(Comparator.comparing(DeployProblemDTO::file));
    return out;
  }

  private void reportCorrupt(File file, String reason) {
    String stamp = file.length() + "@" + file.lastModified();
    if (stamp.equals(corruptSeen.put(file.getPath(), stamp))) {
      return; // already said; FileInstall asks again on every poll
    }
    String message = "Ignored " + file.getName() + ": not a readable jar (" + reason
        + "); it is retried when the file changes";
    problems.put(file.getPath(), new DeployProblemDTO(file.getPath(), DeployProblemDTO.ReasonCode.CORRUPT_JAR,
        null, null, message, System.currentTimeMillis()));
    logger.get().error(message);
  }

  private void forgetCorrupt(File file) {
    if (corruptSeen.remove(file.getPath()) != null) {
      problems.remove(file.getPath());
    }
  }
}
