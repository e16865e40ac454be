package dev.greenroom.shell.text;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.ServiceDTO;
import java.util.List;

/** Representative DTOs: a running plugin with two modules, a failed one, a waiting one. */
public final class Fixtures {
  /** 2026-11-03T10:15:02.120Z */
  public static final long T0 = 1793700902120L;

  public static final String FAILURE = "Plugin 'scaffolder' startup failed; caused by Error: "
      + "Service or extension point dependencies of plugin 'scaffolder' are missing for the "
      + "following ref(s): serviceRef{core.database}";

  public static final ModuleDTO GITLAB = new ModuleDTO(
      "catalog", "gitlab", FeatureState.RUNNING, "dev.greenroom.catalog.gitlab 0.1.0 [13]", 0,
      null, 12);
  public static final ModuleDTO GITHUB = new ModuleDTO(
      "catalog", "github", FeatureState.RUNNING, "dev.greenroom.catalog.github 0.1.0 [14]", 1,
      null, 8);
  public static final ModuleDTO TEMPLATES = new ModuleDTO(
      "scaffolder", "templates", FeatureState.RUNNING, "dev.greenroom.scaffolder.templates 0.1.0 [16]",
      0, null, 3);
  public static final ModuleDTO ELASTIC = new ModuleDTO(
      "search", "elastic", FeatureState.STARTING, "dev.greenroom.search.elastic 0.1.0 [21]", -1,
      null, -1);

  /** Running, modules in init order (gitlab then github). */
  public static final PluginDTO CATALOG = new PluginDTO("catalog", FeatureState.RUNNING,
      "dev.greenroom.catalog 0.1.0 [12]", List.of(GITLAB, GITHUB), null, T0, T0 + 360, 360);
  public static final PluginDTO SCAFFOLDER = new PluginDTO("scaffolder", FeatureState.FAILED,
      "dev.greenroom.scaffolder 0.1.0 [15]", List.of(TEMPLATES), FAILURE, T0, -1, 40);
  public static final PluginDTO SEARCH = new PluginDTO("search",
      FeatureState.WAITING_FOR_MODULES, "dev.greenroom.search 0.1.0 [20]", List.of(ELASTIC),
      null, -1, -1, -1);

  public static final DiagnosisDTO SEARCH_DIAG = new DiagnosisDTO("search",
      FeatureState.WAITING_FOR_MODULES, List.of(new Reason(ReasonCode.WAITING_FOR_MODULE,
          "elastic", "Waiting for module 'elastic' of bundle dev.greenroom.search.elastic 0.1.0 [21]"
              + " to register its feature (timeout in 27 s)")));
  public static final DiagnosisDTO SCAFFOLDER_DIAG = new DiagnosisDTO("scaffolder",
      FeatureState.FAILED, List.of(new Reason(ReasonCode.PLUGIN_FAILED, "scaffolder",
          "Backend startup failed due to the following errors:\n  " + FAILURE)));

  public static final ExtensionPointDTO PROCESSING = new ExtensionPointDTO(
      "catalog.processing", "catalog", null, "dev.greenroom.catalog.CatalogProcessingExtensionPoint");
  public static final ExtensionPointDTO ACTIONS = new ExtensionPointDTO(
      "scaffolder.actions", "scaffolder", "templates", "dev.greenroom.scaffolder.ActionsExtensionPoint");

  public static final ServiceDTO ROOT_CONFIG = new ServiceDTO(
      "core.rootConfig", "root", false, "dev.greenroom.config.ConfigFactory", "default");
  public static final ServiceDTO DATABASE = new ServiceDTO(
      "core.database", "plugin", false, null, "missing");

  private Fixtures() {}
}
