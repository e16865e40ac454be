package dev.greenroom.backend.runtime.internal.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Initialization;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.ServiceScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which factories initializeEagerServicesWithScope instantiates, and in which order. */
class ServiceRegistryEagerTest {
  private final List<String> made = Collections.synchronizedList(new ArrayList<>());

  private ServiceFactory<String> recording(ServiceRef<String> ref, Initialization initialization) {
    return ServiceFactory.of(ref)
        .initialization(initialization)
        .factory(
            deps -> {
              made.add(ref.id());
              return ref.id();
            });
  }

  private ServiceFactory<String> recordingPerPlugin(
      ServiceRef<String> ref, Initialization initialization) {
    return ServiceFactory.of(ref)
        .initialization(initialization)
        .deps(CoreServices.PLUGIN_METADATA)
        .factory(
            deps -> {
              made.add(ref.id() + "@" + deps.get(CoreServices.PLUGIN_METADATA).getId());
              return ref.id();
            });
  }

  @Test
  void rootScopeMakesEveryNonLazyRootFactoryInRegistrationOrder() {
    ServiceRef<String> b = ServiceRef.root("b", String.class);
    ServiceRef<String> a = ServiceRef.root("a", String.class);
    ServiceRef<String> lazy = ServiceRef.root("lazy", String.class);
    ServiceRef<String> explicit = ServiceRef.root("explicit", String.class);
    ServiceRef<String> plugin = ServiceRef.create("plugin", String.class);
    ServiceRegistry registry =
        ServiceRegistry.create(
            List.of(
                recording(b, null),
                recording(lazy, Initialization.LAZY),
                recording(plugin, Initialization.ALWAYS),
                recording(a, null)));
    registry.add(recording(explicit, Initialization.ALWAYS));

    registry.initializeEagerServicesWithScope(ServiceScope.ROOT, null);

    assertEquals(List.of("b", "a", "explicit"), made);
  }

  @Test
  void pluginScopeMakesOnlyAlwaysPluginFactoriesForThatPlugin() {
    ServiceRef<String> always = ServiceRef.create("always", String.class);
    ServiceRef<String> lazyByDefault = ServiceRef.create("lazy", String.class);
    ServiceRef<String> root = ServiceRef.root("root", String.class);
    ServiceRegistry registry =
        ServiceRegistry.create(
            List.of(
                recordingPerPlugin(lazyByDefault, null),
                recording(root, null),
                recordingPerPlugin(always, Initialization.ALWAYS)));

    registry.initializeEagerServicesWithScope(ServiceScope.PLUGIN, "catalog");
    registry.initializeEagerServicesWithScope(ServiceScope.PLUGIN, "search");

    assertEquals(List.of("always@catalog", "always@search"), made);
  }

  @Test
  void refDefaultFactoriesAreNeverEager() {
    ServiceRef<String> withDefault =
        ServiceRef.builder("fallback", String.class)
            .scope(ServiceScope.ROOT)
            .defaultFactory(service -> recording(service, Initialization.ALWAYS))
            .build();
    ServiceRegistry registry = ServiceRegistry.create(List.of());

    registry.initializeEagerServicesWithScope(ServiceScope.ROOT, null);
    assertEquals(List.of(), made);

    registry.get(withDefault, "catalog");
    assertEquals(List.of("fallback"), made);
  }

  @Test
  void eagerInstancesAreTheOnesLaterRequested() {
    ServiceRef<String> root = ServiceRef.root("root", String.class);
    ServiceRegistry registry = ServiceRegistry.create(List.of(recording(root, null)));
    registry.initializeEagerServicesWithScope(ServiceScope.ROOT, null);
    registry.get(root, "catalog");
    assertEquals(List.of("root"), made);
  }
}
