package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.test.TestBackend;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The module on a test backend with a stand-in for its plugin (Backstage's {@code startTestBackend}). */
@Timeout(60)
class ${pluginName}${moduleName}ModuleTest {
  @Test
  void theModuleRunsItsInitBeforeThePlugin() {
    // a stand-in for the ${pluginId} plugin: a module only runs next to its plugin
    BackendPlugin plugin = BackendPlugin.create("${pluginId}", env ->
        env.registerInit(CoreServices.LOGGER, logger -> logger.info("plugin init")));

    try (TestBackend backend = TestBackend.start(plugin, new ${pluginName}${moduleName}Module())) {
      // the plugin's log lines (the module logs under its plugin), in order
      List<String> lines = backend.logs().records().stream()
          .filter(r -> "${pluginId}".equals(r.plugin()))
          .map(r -> r.message())
          .toList();
      assertEquals(List.of("Hello from module ${moduleId} of plugin ${pluginId}", "plugin init"), lines);
    }
  }
}
