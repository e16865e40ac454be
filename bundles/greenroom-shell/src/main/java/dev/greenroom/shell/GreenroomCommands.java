package dev.greenroom.shell;

import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.ServiceDTO;
import dev.greenroom.shell.text.DtoList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.RequireGogoWhiteboard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code greenroom:} Gogo commands. Each returns the runtime's DTOs; {@link
 * GreenroomConverter} turns them into text when the shell prints them, and scripts can use the
 * values directly ({@code (greenroom:plugin catalog) state}).
 */
@Component(
    name = "dev.greenroom.shell.commands",
    service = GreenroomCommands.class, // a service, or Gogo never sees the commands
    property = {
      "osgi.command.scope=greenroom",
      "osgi.command.function=plugins",
      "osgi.command.function=plugin",
      "osgi.command.function=extensions",
      "osgi.command.function=services",
      "osgi.command.function=diag",
      "osgi.command.function=restart",
      "osgi.command.function=deploy"
    })
@RequireGogoWhiteboard
public class GreenroomCommands {
  private static final Comparator<ExtensionPointDTO> EXTENSION_ORDER =
      Comparator.comparing(ExtensionPointDTO::pluginId).thenComparing(ExtensionPointDTO::id);

  private final GreenroomRuntime runtime;

  @Activate
  public GreenroomCommands(@Reference(name = "runtime") GreenroomRuntime runtime) {
    this.runtime = runtime;
  }

  @Descriptor("List plugins with their state, bundle and modules (in init order)")
  public List<PluginDTO> plugins() {
    return DtoList.of(PluginDTO.class, runtime.plugins().stream().map(InitOrder::of).toList());
  }

  @Descriptor("Show one plugin: state, bundle, timings, cause, and its modules in init order")
  public PluginDTO plugin(@Descriptor("plugin id") String pluginId) {
    return runtime.plugin(pluginId).map(InitOrder::of).orElseThrow(() -> unknown(pluginId));
  }

  @Descriptor("List extension points with the plugin that owns them and the module providing them")
  public List<ExtensionPointDTO> extensions() {
    return DtoList.of(ExtensionPointDTO.class,
        runtime.extensionPoints().stream().sorted(EXTENSION_ORDER).toList());
  }

  @Descriptor("List service ids with their scope, source and chosen implementation")
  public List<ServiceDTO> services() {
    return DtoList.of(ServiceDTO.class,
        runtime.services().stream().sorted(Comparator.comparing(ServiceDTO::id)).toList());
  }

  @Descriptor("Explain why a plugin is waiting or failed, naming modules and bundles")
  public DiagnosisDTO diag(@Descriptor("plugin id") String pluginId) {
    return runtime.diagnose(pluginId);
  }

  @Descriptor("Explain every plugin that is not running")
  public List<DiagnosisDTO> diag() {
    return DtoList.of(DiagnosisDTO.class, runtime.plugins().stream()
        .filter(p -> p.state() != FeatureState.RUNNING)
        .map(p -> runtime.diagnose(p.pluginId()))
        .toList());
  }

  private IllegalArgumentException unknown(String pluginId) {
    String known = runtime.plugins().stream().map(PluginDTO::pluginId)
        .collect(Collectors.joining(", "));
    return new IllegalArgumentException("No plugin with id '" + pluginId + "'. Known plugins: "
        + (known.isEmpty() ? "none" : known));
  }

  @Descriptor("Show the hot-deploy folder: files in it that are not in use (corrupt, refused, unresolved) and why")
  public DeployFolderDTO deploy() {
    return runtime.deployFolder();
  }

  @Descriptor("Restart one plugin with the modules present now (its shutdown hooks run, then init again); other plugins are untouched")
  public PluginDTO restart(@Descriptor("plugin id") String pluginId) {
    return runtime.restart(pluginId);
  }
}
