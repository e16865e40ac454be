package dev.greenroom.auth;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.test.base.TestBackend;
import java.time.Clock;
import java.util.Map;

/** Starts TestBackends whose plugins use the real auth factories of this bundle. */
final class AuthBackends {
  private AuthBackends() {}

  /** A plugin that needs core.auth, core.httpAuth and core.userInfo, so they are built at startup. */
  static BackendPlugin plugin(String id) {
    return BackendPlugin.create(
        id,
        env ->
            env.registerInit(
                Deps.of(CoreServices.AUTH, CoreServices.HTTP_AUTH, CoreServices.USER_INFO), deps -> {}));
  }

  static TestBackend start(Map<String, Object> config, Clock clock, TestDiscovery discovery, String... pluginIds) {
    return start(config, clock, discovery, null, pluginIds);
  }

  /** With a core.database factory (not null), core.auth is the variant that depends on it, as in OSGi. */
  static TestBackend start(
      Map<String, Object> config, Clock clock, TestDiscovery discovery, ServiceFactory<?> database, String... pluginIds) {
    TestBackend.Builder builder = TestBackend.builder().config(config).defaultService(discovery.factory());
    if (database != null) {
      builder.defaultService(database);
    }
    for (ServiceFactory<?> f : AuthServiceFactories.all(clock, database != null)) {
      builder.defaultService(f);
    }
    for (String id : pluginIds) {
      builder.add(plugin(id));
    }
    return builder.start();
  }

  static TestBackend start(TestDiscovery discovery, String... pluginIds) {
    return start(Map.of(), Clock.systemUTC(), discovery, pluginIds);
  }
}
