package dev.greenroom.shell;

import static dev.greenroom.shell.text.Fixtures.ACTIONS;
import static dev.greenroom.shell.text.Fixtures.CATALOG;
import static dev.greenroom.shell.text.Fixtures.DATABASE;
import static dev.greenroom.shell.text.Fixtures.GITHUB;
import static dev.greenroom.shell.text.Fixtures.GITLAB;
import static dev.greenroom.shell.text.Fixtures.PROCESSING;
import static dev.greenroom.shell.text.Fixtures.ROOT_CONFIG;
import static dev.greenroom.shell.text.Fixtures.SCAFFOLDER;
import static dev.greenroom.shell.text.Fixtures.SCAFFOLDER_DIAG;
import static dev.greenroom.shell.text.Fixtures.SEARCH;
import static dev.greenroom.shell.text.Fixtures.SEARCH_DIAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.ServiceDTO;
import dev.greenroom.shell.text.DtoList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreenroomCommandsTest {
  /** catalog as a runtime might report it: modules not in init order, one that has not run. */
  private static final ModuleDTO LATE = new ModuleDTO("catalog", "late", FeatureState.STARTING,
      "dev.greenroom.catalog.late 0.1.0 [17]", -1, null, -1);
  private static final PluginDTO CATALOG_UNORDERED = new PluginDTO("catalog", CATALOG.state(),
      CATALOG.bundle(), List.of(LATE, GITHUB, GITLAB), null, CATALOG.startedAt(),
      CATALOG.readyAt(), CATALOG.initMillis());

  private final FakeRuntime runtime = new FakeRuntime();
  private final GreenroomCommands commands = new GreenroomCommands(runtime);

  @BeforeEach
  void populate() {
    runtime.plugins.addAll(List.of(CATALOG_UNORDERED, SCAFFOLDER, SEARCH));
    runtime.diagnoses.put("scaffolder", SCAFFOLDER_DIAG);
    runtime.diagnoses.put("search", SEARCH_DIAG);
  }

  @Test
  void pluginsListsEveryPluginWithModulesInInitOrder() {
    List<PluginDTO> plugins = commands.plugins();

    assertEquals(List.of("catalog", "scaffolder", "search"),
        plugins.stream().map(PluginDTO::pluginId).toList());
    assertEquals(List.of(FeatureState.RUNNING, FeatureState.FAILED,
        FeatureState.WAITING_FOR_MODULES), plugins.stream().map(PluginDTO::state).toList());
    assertEquals(List.of("gitlab", "github", "late"), moduleIds(plugins.get(0)));
    assertEquals(PluginDTO.class, ((DtoList<?>) plugins).elementType());
  }

  @Test
  void pluginsKeepsAPluginWhoseModulesAreAlreadyOrdered() {
    assertSame(SCAFFOLDER, commands.plugins().get(1));
  }

  @Test
  void pluginReturnsOneDetailedPlugin() {
    PluginDTO scaffolder = commands.plugin("scaffolder");
    assertEquals(FeatureState.FAILED, scaffolder.state());
    assertEquals(SCAFFOLDER.cause(), scaffolder.cause());
    assertEquals("dev.greenroom.scaffolder 0.1.0 [15]", scaffolder.bundle());

    assertEquals(List.of("gitlab", "github", "late"), moduleIds(commands.plugin("catalog")));
  }

  @Test
  void pluginWithAnUnknownIdNamesTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> commands.plugin("nope"));
    assertEquals("No plugin with id 'nope'. Known plugins: catalog, scaffolder, search",
        e.getMessage());

    runtime.plugins.clear();
    e = assertThrows(IllegalArgumentException.class, () -> commands.plugin("nope"));
    assertEquals("No plugin with id 'nope'. Known plugins: none", e.getMessage());
  }

  @Test
  void extensionsAreSortedByPluginThenId() {
    runtime.extensionPoints.addAll(List.of(ACTIONS, PROCESSING));
    assertEquals(List.of(PROCESSING, ACTIONS), commands.extensions());
    assertEquals("templates", commands.extensions().get(1).providedByModule());
  }

  @Test
  void servicesAreSortedById() {
    runtime.services.addAll(List.of(ROOT_CONFIG, DATABASE));
    List<ServiceDTO> services = commands.services();
    assertEquals(List.of("core.database", "core.rootConfig"),
        services.stream().map(ServiceDTO::id).toList());
    assertEquals("missing", services.get(0).source());
  }

  @Test
  void diagAsksTheRuntime() {
    DiagnosisDTO d = commands.diag("search");
    assertEquals(FeatureState.WAITING_FOR_MODULES, d.state());
    assertEquals(ReasonCode.WAITING_FOR_MODULE, d.reasons().get(0).code());
    assertEquals("elastic", d.reasons().get(0).subject());

    assertEquals(ReasonCode.UNKNOWN_PLUGIN, commands.diag("nope").reasons().get(0).code());
  }

  @Test
  void diagWithoutIdExplainsEveryPluginThatIsNotRunning() {
    List<DiagnosisDTO> all = commands.diag();
    assertEquals(List.of(SCAFFOLDER_DIAG, SEARCH_DIAG), all);
    assertEquals(List.of("scaffolder", "search"), runtime.diagnosed);
    assertEquals(DiagnosisDTO.class, ((DtoList<?>) all).elementType());
  }

  @Test
  void emptyRuntime() {
    runtime.plugins.clear();
    assertEquals(List.of(), commands.plugins());
    assertEquals(List.of(), commands.diag());
    assertEquals(List.of(), commands.extensions());
    assertEquals(List.of(), commands.services());
  }

  private static List<String> moduleIds(PluginDTO p) {
    return p.modules().stream().map(ModuleDTO::moduleId).toList();
  }

  @Test
  void restartAsksTheRuntimeAndReturnsThePluginAfterwards() {
    PluginDTO after = commands.restart("catalog");
    assertEquals("catalog", after.pluginId());
    assertEquals(List.of("catalog"), runtime.restarted);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> commands.restart("nope"));
  }

  @Test
  void deployReturnsTheFolderWithTheFilesThatAreNotInUse() {
    assertEquals(new DeployFolderDTO("deploy", 3, List.of()), commands.deploy());
    DeployProblemDTO refused = new DeployProblemDTO("/deploy/b.jar", DeployProblemDTO.ReasonCode.DUPLICATE_BUNDLE, "x.y 1.0.0",
        null, "Refused b.jar: bundle x.y 1.0.0 is already installed from a.jar", 1);
    runtime.deployProblems.add(refused);
    assertEquals(List.of(refused), commands.deploy().problems());
  }
}
