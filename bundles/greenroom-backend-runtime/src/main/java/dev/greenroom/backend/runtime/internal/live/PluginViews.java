package dev.greenroom.backend.runtime.internal.live;

import dev.greenroom.backend.runtime.internal.ErrorText;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/** A {@link PluginSnapshot} as the exported DTOs: the plugin with its modules, and why it is in its state. */
public final class PluginViews {
  private PluginViews() {}

  public static PluginDTO toDTO(PluginSnapshot s) {
    FeatureState state = s.state().toFeatureState();
    boolean inRun = s.run() != null && state != FeatureState.WAITING_FOR_MODULES;
    List<ModuleDTO> modules = new ArrayList<>();
    Set<String> listed = new LinkedHashSet<>();
    if (inRun) {
      if (s.result() != null) {
        for (PluginRun.ModuleRun m : s.result().modules()) {
          FeatureState ms = m.error() == null ? FeatureState.RUNNING : FeatureState.FAILED;
          modules.add(new ModuleDTO(s.pluginId(), m.moduleId(), ms, bundleOf(s, m.moduleId()), m.order(),
              m.error() == null ? null : ErrorText.of(m.error()), m.initMillis()));
          listed.add(m.moduleId());
        }
      } else {
        for (Contribution c : s.run().modules()) {
          modules.add(new ModuleDTO(s.pluginId(), c.moduleId(), FeatureState.STARTING, c.bundleName(), -1, null, -1));
          listed.add(c.moduleId());
        }
      }
    }
    FeatureState idle = s.hasPlugin() ? FeatureState.WAITING_FOR_MODULES : FeatureState.IDLE;
    for (Contribution c : s.modules()) {
      if (listed.add(c.moduleId())) {
        modules.add(new ModuleDTO(s.pluginId(), c.moduleId(), idle, c.bundleName(), -1, null, -1));
      }
    }
    s.awaited().forEach((moduleId, d) -> {
      if (listed.add(moduleId)) {
        modules.add(new ModuleDTO(s.pluginId(), moduleId, FeatureState.WAITING_FOR_MODULES, d.bundleName(), -1, null, -1));
      }
    });
    String cause = null;
    if (state == FeatureState.FAILED && s.result() != null && s.result().error() != null) {
      cause = ErrorText.of(s.result().error());
    }
    PluginRun result = s.result();
    return new PluginDTO(s.pluginId(), state, pluginBundle(s), modules, cause, s.startedAt(), s.readyAt(),
        result == null ? -1 : result.initMillis());
  }

  public static DiagnosisDTO diagnose(PluginSnapshot s, LongSupplier now) {
    PluginDTO dto = toDTO(s);
    List<Reason> reasons = new ArrayList<>();
    String id = s.pluginId();
    if (dto.state() == FeatureState.IDLE) {
      reasons.add(new Reason(ReasonCode.PLUGIN_FEATURE_MISSING, id, "No bundle provides plugin '" + id + "'; its modules are idle"));
    }
    if (s.plugin() == null) {
      s.declarations().stream().filter(d -> !d.isModule()).forEach(d -> reasons.add(new Reason(
          ReasonCode.PLUGIN_FEATURE_MISSING, d.bundleName(), "Bundle " + d.bundleName() + " declares plugin '" + id
              + "' but has not registered its BackendFeature service yet" + (d.problem() == null ? "" : ": " + d.problem()))));
    }
    Set<String> timedOut = s.run() == null ? Set.of() : s.run().timedOutModules().keySet();
    if (dto.state() != FeatureState.IDLE && dto.state() != FeatureState.STOPPED) {
      long since = s.waitingSince();
      s.awaited().forEach((moduleId, d) -> {
        if (timedOut.contains(moduleId) && dto.state() != FeatureState.WAITING_FOR_MODULES) {
          return;
        }
        reasons.add(new Reason(ReasonCode.WAITING_FOR_MODULE, d.bundleName(),
            "Waiting for module '" + moduleId + "' of bundle " + d.bundleName() + " to register its BackendFeature service"
                + (since >= 0 ? " (waiting " + (now.getAsLong() - since) + " ms of " + s.moduleTimeoutMillis() + " ms)" : "")
                + (d.problem() == null ? "" : ": " + d.problem())));
      });
    }
    if (s.run() != null) {
      s.run().timedOutModules().forEach((moduleId, message) -> reasons.add(new Reason(ReasonCode.MODULE_TIMED_OUT, moduleId, message)));
    }
    PluginRun run = s.result();
    if (run != null) {
      for (PluginRun.ModuleRun m : run.modules()) {
        if (m.error() != null && !timedOut.contains(m.moduleId())) {
          boolean hung = isInitTimeout(m.error());
          reasons.add(new Reason(hung ? ReasonCode.INIT_TIMED_OUT : ReasonCode.MODULE_FAILED, m.moduleId(), ErrorText.of(m.error())));
        }
      }
      boolean moduleHung = run.modules().stream().anyMatch(m -> isInitTimeout(m.error()));
      if (run.error() != null && dto.state() == FeatureState.FAILED && !moduleHung) {
        reasons.add(new Reason(isInitTimeout(run.error()) ? ReasonCode.INIT_TIMED_OUT : ReasonCode.PLUGIN_FAILED, id,
            ErrorText.of(run.error())));
      }
    } else if (s.failure() != null) {
      reasons.add(new Reason(ReasonCode.PLUGIN_FAILED, id, s.failure()));
    }
    for (String shadow : s.shadows()) {
      reasons.add(new Reason(shadow.startsWith("Plugin") ? ReasonCode.DUPLICATE_PLUGIN : ReasonCode.DUPLICATE_MODULE, id, shadow));
    }
    if (reasons.isEmpty() && dto.state() == FeatureState.RUNNING) {
      reasons.add(new Reason(ReasonCode.RUNNING, id, "Plugin '" + id + "' is running with " + dto.modules().size() + " module(s)"));
    }
    return new DiagnosisDTO(id, dto.state(), reasons);
  }

  private static boolean isInitTimeout(Throwable error) {
    return error != null && error.getMessage() != null && error.getMessage().endsWith("(backend.startup.initTimeout)");
  }

  private static String pluginBundle(PluginSnapshot s) {
    if (s.run() != null && s.state() != PluginState.WAITING_FOR_MODULES) {
      return s.run().plugin().bundleName();
    }
    if (s.plugin() != null) {
      return s.plugin().bundleName();
    }
    return s.declarations().stream().filter(d -> !d.isModule()).map(Declaration::bundleName).findFirst().orElse(null);
  }

  private static String bundleOf(PluginSnapshot s, String moduleId) {
    for (Contribution c : s.modules()) {
      if (c.moduleId().equals(moduleId)) {
        return c.bundleName();
      }
    }
    return s.declarations().stream().filter(d -> moduleId.equals(d.moduleId())).map(Declaration::bundleName)
        .findFirst().orElse(null);
  }
}
