package dev.greenroom.shell;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.ServiceDTO;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-written runtime that returns what the test put in, and counts diagnose calls. */
final class FakeRuntime implements GreenroomRuntime {
  final List<PluginDTO> plugins = new ArrayList<>();
  final List<ExtensionPointDTO> extensionPoints = new ArrayList<>();
  final List<ServiceDTO> services = new ArrayList<>();
  final Map<String, DiagnosisDTO> diagnoses = new LinkedHashMap<>();
  final List<String> diagnosed = new ArrayList<>();
  final List<dev.greenroom.backend.runtime.state.DeployProblemDTO> deployProblems = new ArrayList<>();

  @Override
  public List<dev.greenroom.backend.runtime.state.DeployProblemDTO> deployProblems() {
    return deployProblems;
  }

  @Override
  public dev.greenroom.backend.runtime.state.DeployFolderDTO deployFolder() {
    return new dev.greenroom.backend.runtime.state.DeployFolderDTO("deploy", 3, deployProblems);
  }

  @Override
  public List<PluginDTO> plugins() {
    return List.copyOf(plugins);
  }

  @Override
  public Optional<PluginDTO> plugin(String pluginId) {
    return plugins.stream().filter(p -> p.pluginId().equals(pluginId)).findFirst();
  }

  @Override
  public List<ExtensionPointDTO> extensionPoints() {
    return List.copyOf(extensionPoints);
  }

  @Override
  public List<ServiceDTO> services() {
    return List.copyOf(services);
  }

  @Override
  public DiagnosisDTO diagnose(String pluginId) {
    diagnosed.add(pluginId);
    DiagnosisDTO d = diagnoses.get(pluginId);
    return d != null ? d : new DiagnosisDTO(pluginId, null, List.of(new Reason(
        ReasonCode.UNKNOWN_PLUGIN, pluginId, "No plugin with id '" + pluginId + "'")));
  }

  final List<String> restarted = new ArrayList<>();

  @Override
  public PluginDTO restart(String pluginId) {
    restarted.add(pluginId);
    return plugin(pluginId).orElseThrow(() -> new IllegalArgumentException("Plugin '" + pluginId + "' cannot be restarted"));
  }
}
