package dev.greenroom.bench.synthetic;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.annotations.FeatureNamespace;
import java.util.Hashtable;
import java.util.function.Consumer;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Module {@code m<j>} of plugin {@code p<i>}: contributes {@code m<j>@g<generation>} to {@code
 * p<i>.contrib}. The generation comes from the manifest, so two builds of the same module differ
 * in what {@code /api/p<i>/hello} shows (the deploy-latency benchmark waits for that).
 */
public final class SyntheticModuleActivator implements BundleActivator {
  private ServiceRegistration<BackendFeature> registration;

  @Override
  public void start(BundleContext context) {
    String pluginId = SyntheticHeaders.required(context.getBundle(), SyntheticHeaders.PLUGIN_ID);
    String moduleId = SyntheticHeaders.required(context.getBundle(), SyntheticHeaders.MODULE_ID);
    String generation = SyntheticHeaders.required(context.getBundle(), SyntheticHeaders.GENERATION);
    String contribution = moduleId + "@g" + generation;
    ExtensionPoint<Consumer<String>> point = Contributions.of(pluginId);
    BackendModule module = BackendModule.create(pluginId, moduleId,
        env -> env.registerInit(Deps.of(point), deps -> deps.get(point).accept(contribution)));
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(FeatureNamespace.PLUGIN_ID, pluginId);
    props.put(FeatureNamespace.MODULE_ID, moduleId);
    registration = context.registerService(BackendFeature.class, module, props);
  }

  @Override
  public void stop(BundleContext context) {
    registration.unregister();
  }
}
