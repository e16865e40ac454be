package dev.greenroom.backend.runtime.state;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The running backend as DTOs, and the one action the shell needs: restart a plugin. */
@ProviderType
public interface GreenroomRuntime {
  /** Every plugin id known (running, waiting or failed), sorted by id. */
  List<PluginDTO> plugins();

  Optional<PluginDTO> plugin(String pluginId);

  /** Extension points currently registered, with their owner. */
  List<ExtensionPointDTO> extensionPoints();

  /** Service ids with scope and the implementation chosen. */
  List<ServiceDTO> services();

  /** Why {@code pluginId} is in its state: what it waits for, or why it failed. */
  DiagnosisDTO diagnose(String pluginId);

  /**
   * Stops {@code pluginId} (its shutdown hooks run, its extension points and routes are withdrawn)
   * and starts it again with the modules present now; other plugins are untouched. Returns once
   * the new start has finished, with the plugin's state after it.
   *
   * @throws IllegalArgumentException if no bundle provides the plugin, or root services have not
   *     started yet
   */
  PluginDTO restart(String pluginId);

  /**
   * Files in the hot-deploy folder that are not in use (a corrupt jar, a second jar with the
   * symbolic name and version of an installed bundle, an installed bundle that cannot resolve),
   * sorted by file; empty without FileInstall.
   */
  default List<DeployProblemDTO> deployProblems() {
    return List.of();
  }

  /**
   * The hot-deploy folder: where it is, how many bundles were installed from it, and {@link
   * #deployProblems()} (corrupt, refused and unresolved jars).
   */
  default DeployFolderDTO deployFolder() {
    return new DeployFolderDTO(null, 0, deployProblems());
  }
}
