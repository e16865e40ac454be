package dev.greenroom.bench.synthetic;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;

/**
 * The faulty plugins of the isolation benchmark (issue 11), chosen by the bundle's
 * {@code X-Greenroom-Bench-Fault} header:
 * <ul>
 *   <li>{@code fail-init}: the init throws, so the plugin is FAILED and its routes answer 503;</li>
 *   <li>{@code hang-init}: the init sleeps forever and ignores interrupts (as a blocking read
 *       without a timeout would), so the plugin stays STARTING until
 *       {@code backend.startup.initTimeout} fails the run; the hung thread stays behind;</li>
 *   <li>{@code db-route}: the init succeeds without touching the database; {@code GET /hello}
 *       opens a connection of the plugin's {@code core.database} and runs {@code select 1} on
 *       every request, so with the database down each request waits on it.</li>
 * </ul>
 */
final class FaultyPlugin {
  private FaultyPlugin() {}

  static void register(RegistrationPoints env, String pluginId, String fault) {
    switch (fault) {
      case "fail-init" -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), resolved -> {
        throw new IllegalStateException("bench: plugin " + pluginId + " fails its init on purpose");
      });
      case "hang-init" -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), resolved -> {
        while (true) {
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException ignored) {
            // a hang that an interrupt does not end
          }
        }
      });
      case "db-route" -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER, CoreServices.DATABASE), resolved -> {
        DatabaseService db = resolved.get(CoreServices.DATABASE);
        HttpRouterService router = resolved.get(CoreServices.HTTP_ROUTER);
        router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/hello"));
        router.use(new DatabaseServlet(pluginId, db));
      });
      default -> throw new IllegalArgumentException("unknown bench fault '" + fault + "' for plugin " + pluginId);
    }
  }
}
