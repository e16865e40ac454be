package dev.greenroom.backend.runtime.state;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Read-only view of the running backend, as DTOs. */
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
}
