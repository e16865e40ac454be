package dev.greenroom.bench.synthetic;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Plugin {@code p<i>} of a synthetic bundle: offers {@code p<i>.contrib} and serves {@code GET
 * /hello} without credentials. A BundleActivator rather than a DS component, so a generated bundle
 * needs no OSGI-INF descriptor; its manifest still carries the greenroom.feature capability and
 * the greenroom.backend extender requirement like a real plugin bundle.
 */
public final class SyntheticPluginActivator implements BundleActivator {
  private ServiceRegistration<BackendFeature> registration;

  @Override
  public void start(BundleContext context) {
    String pluginId = SyntheticHeaders.required(context.getBundle(), SyntheticHeaders.PLUGIN_ID);
    int modules = Integer.parseInt(SyntheticHeaders.required(context.getBundle(), SyntheticHeaders.MODULE_COUNT));
    boolean usesDatabase = Boolean.parseBoolean(context.getBundle().getHeaders().get(SyntheticHeaders.USES_DATABASE));
    String fault = context.getBundle().getHeaders().get(SyntheticHeaders.FAULT);
    BackendPlugin plugin = BackendPlugin.create(pluginId, fault == null || fault.isBlank()
        ? env -> register(env, pluginId, modules, usesDatabase)
        : env -> FaultyPlugin.register(env, pluginId, fault.trim()));
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(FeatureNamespace.PLUGIN_ID, pluginId);
    registration = context.registerService(BackendFeature.class, plugin, props);
  }

  @Override
  public void stop(BundleContext context) {
    registration.unregister();
  }

  private static void register(RegistrationPoints env, String pluginId, int modules, boolean usesDatabase) {
    List<String> contributions = new CopyOnWriteArrayList<>();
    Consumer<String> contrib = contributions::add;
    env.registerExtensionPoint(Contributions.of(pluginId), contrib);
    Deps deps = usesDatabase ? Deps.of(CoreServices.HTTP_ROUTER, CoreServices.DATABASE) : Deps.of(CoreServices.HTTP_ROUTER);
    env.registerInit(deps, resolved -> {
      if (usesDatabase) {
        // The positive control of the "no pool unless used" check: this plugin opens its pool.
        try (Connection c = resolved.get(CoreServices.DATABASE).getClient().getConnection()) {
          c.isValid(1);
        } catch (SQLException e) {
          throw new IllegalStateException("plugin " + pluginId + " could not open its database", e);
        }
      }
      List<String> sorted = new ArrayList<>(contributions);
      Collections.sort(sorted);
      HttpRouterService router = resolved.get(CoreServices.HTTP_ROUTER);
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/hello"));
      router.use(new HelloServlet(pluginId, modules, sorted, false));
    });
  }
}
