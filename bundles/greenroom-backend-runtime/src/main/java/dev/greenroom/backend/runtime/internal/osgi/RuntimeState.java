package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.runtime.internal.deploy.DeployGuard;
import dev.greenroom.backend.runtime.internal.live.LiveBackend;
import dev.greenroom.backend.runtime.internal.services.ServiceInfo;
import dev.greenroom.backend.runtime.internal.wiring.ExtensionPointTable;
import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.ServiceDTO;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@link GreenroomRuntime} service: the coordinators' and the live backend's state as DTOs. */
final class RuntimeState implements GreenroomRuntime {
  private final Coordinators coordinators;
  private final Supplier<LiveBackend> backend;
  private final PluginWiringHook wiring;
  private final DeployGuard deployGuard;
  private final DeployFolder deployFolder;

  RuntimeState(Coordinators coordinators, Supplier<LiveBackend> backend, PluginWiringHook wiring, DeployGuard deployGuard,
      DeployFolder deployFolder) {
    this.coordinators = coordinators;
    this.backend = backend;
    this.wiring = wiring;
    this.deployGuard = deployGuard;
    this.deployFolder = deployFolder;
  }

  /** The guard's refused files and the unresolved bundles, looked at now, sorted by file. */
  @Override
  public List<DeployProblemDTO> deployProblems() {
    List<DeployProblemDTO> out = new ArrayList<>(deployGuard.problems());
    out.addAll(deployFolder.check());
    out.sort(Comparator.comparing(DeployProblemDTO::file));
    return out;
  }

  @Override
  public DeployFolderDTO deployFolder() {
    return deployFolder.state(deployProblems());
  }

  @Override
  public List<PluginDTO> plugins() {
    List<PluginDTO> out = new ArrayList<>();
    for (PluginCoordinator c : coordinators.all()) {
      if (!c.isEmpty()) {
        out.add(c.toDTO());
      }
    }
    out.sort(Comparator.comparing(PluginDTO::pluginId));
    return out;
  }

  @Override
  public Optional<PluginDTO> plugin(String pluginId) {
    // one DTO, not all of them: the HTTP layer asks about one plugin on every slot watch tick
    return coordinators.all().stream().filter(c -> c.pluginId().equals(pluginId) && !c.isEmpty())
        .findFirst().map(PluginCoordinator::toDTO);
  }

  @Override
  public List<ExtensionPointDTO> extensionPoints() {
    LiveBackend b = backend.get();
    if (b == null) {
      return List.of();
    }
    List<ExtensionPointDTO> out = new ArrayList<>();
    for (ExtensionPointTable.Entry e : b.extensionPoints().all()) {
      out.add(new ExtensionPointDTO(e.id(), e.pluginId(), e.moduleId(), e.provision().extensionPoint().type().getName()));
    }
    out.sort(Comparator.comparing(ExtensionPointDTO::id));
    return out;
  }

  @Override
  public List<ServiceDTO> services() {
    LiveBackend b = backend.get();
    if (b == null) {
      return List.of();
    }
    List<ServiceDTO> out = new ArrayList<>();
    for (ServiceInfo s : b.registry().describe()) {
      out.add(new ServiceDTO(s.id(), s.scope().toString(), s.multiton(), s.implementation(), s.source()));
    }
    return out;
  }

  @Override
  public DiagnosisDTO diagnose(String pluginId) {
    List<Reason> refused = new ArrayList<>();
    for (PluginWiringHook.Refusal r : wiring.refusals()) {
      if (r.requirerPlugin().equals(pluginId) || r.providerPlugin().equals(pluginId)) {
        refused.add(new Reason(ReasonCode.WIRING_REFUSED, r.requirer(), r.message()));
      }
    }
    for (PluginCoordinator c : coordinators.all()) {
      if (c.pluginId().equals(pluginId) && !c.isEmpty()) {
        DiagnosisDTO d = c.diagnose();
        if (refused.isEmpty()) {
          return d;
        }
        List<Reason> all = new ArrayList<>(d.reasons());
        all.addAll(refused);
        return new DiagnosisDTO(d.pluginId(), d.state(), all);
      }
    }
    List<Reason> reasons = new ArrayList<>(refused);
    reasons.add(0, new Reason(ReasonCode.UNKNOWN_PLUGIN, pluginId, "No bundle declares or provides plugin '" + pluginId + "'"));
    return new DiagnosisDTO(pluginId, FeatureState.STOPPED, reasons);
  }

  @Override
  public PluginDTO restart(String pluginId) {
    if (!coordinators.restart(pluginId)) {
      throw new IllegalArgumentException("Plugin '" + pluginId + "' cannot be restarted: no bundle provides it, or the backend has not started yet");
    }
    return plugin(pluginId).orElseThrow();
  }
}
