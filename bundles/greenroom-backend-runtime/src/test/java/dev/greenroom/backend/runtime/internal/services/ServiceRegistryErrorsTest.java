package dev.greenroom.backend.runtime.internal.services;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.services.PluginMetadataService;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every failure of the registry, with Backstage's message verbatim. */
class ServiceRegistryErrorsTest {
  static final ServiceRef<String> PLUGIN_REF = ServiceRef.create("1", String.class);
  static final ServiceRef<String> ROOT_REF = ServiceRef.root("2", String.class);

  static String messageOf(Executable executable) {
    return assertThrows(RuntimeException.class, executable).getMessage();
  }

  static <T> ServiceFactory<T> failing(ServiceRef<T> ref, String message) {
    return ServiceFactory.of(ref).factory(deps -> {
      throw new RuntimeException(message);
    });
  }

  @Test
  void rootServiceMustNotDependOnPluginServiceAndTheCheckIsLazy() {
    ServiceFactory<String> root = ServiceFactory.of(ROOT_REF).deps(PLUGIN_REF).factory(d -> "2");
    ServiceRegistry registry =
        assertDoesNotThrow(
            () ->
                ServiceRegistry.create(List.of(root, ServiceFactory.ofInstance(PLUGIN_REF, "1"))));
    assertEquals(
        "Failed to instantiate 'root' scoped service '2' because it depends on 'plugin' scoped"
            + " service '1'.",
        messageOf(() -> registry.get(ROOT_REF, "catalog")));
  }

  @Test
  void rootServiceCannotDependOnPluginMetadata() {
    ServiceFactory<String> root =
        ServiceFactory.of(ROOT_REF).deps(CoreServices.PLUGIN_METADATA).factory(d -> "2");
    ServiceRegistry registry = ServiceRegistry.create(List.of(root));
    assertEquals(
        "Failed to instantiate 'root' scoped service '2' because it depends on 'plugin' scoped"
            + " service 'core.pluginMetadata'.",
        messageOf(() -> registry.get(ROOT_REF, "catalog")));
  }

  @Test
  void scopeViolationWinsOverAFailingRootDependency() {
    ServiceRef<String> failingRoot = ServiceRef.root("bad", String.class);
    ServiceFactory<String> root =
        ServiceFactory.of(ROOT_REF).deps(failingRoot, PLUGIN_REF).factory(d -> "2");
    ServiceRegistry registry =
        ServiceRegistry.create(
            List.of(root, failing(failingRoot, "bad"), ServiceFactory.ofInstance(PLUGIN_REF, "1")));
    assertEquals(
        "Failed to instantiate 'root' scoped service '2' because it depends on 'plugin' scoped"
            + " service '1'.",
        messageOf(() -> registry.get(ROOT_REF, "catalog")));
  }

  @Test
  void missingDependenciesOfAPluginService() {
    ServiceFactory<String> factory = ServiceFactory.of(PLUGIN_REF).deps(ROOT_REF).factory(d -> "x");
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    assertEquals(
        "Failed to instantiate service '1' for 'catalog' because the following dependent services"
            + " are missing: '2'",
        messageOf(() -> registry.get(PLUGIN_REF, "catalog")));
  }

  @Test
  void missingDependenciesOfANestedServiceAreListedInsideTheOuterMessage() {
    ServiceRef<String> a = ServiceRef.create("a", String.class);
    ServiceRef<String> b = ServiceRef.create("b", String.class);
    ServiceRef<String> c = ServiceRef.create("c", String.class);
    ServiceRef<String> d = ServiceRef.create("d", String.class);
    ServiceRegistry registry =
        ServiceRegistry.create(
            List.of(
                ServiceFactory.of(a).deps(b).factory(deps -> deps.get(b)),
                ServiceFactory.of(b).deps(c, d).factory(deps -> "b")));
    assertEquals(
        "Failed to instantiate service 'a' for 'catalog' because the factory function threw an"
            + " error, Error: Failed to instantiate service 'b' for 'catalog' because the following"
            + " dependent services are missing: 'c', 'd'",
        messageOf(() -> registry.get(a, "catalog")));
  }

  @Test
  void missingDependenciesOfARootServiceNameTheRequester() {
    // Backstage passes the requesting plugin id through, and 'root' during eager initialization.
    ServiceFactory<String> root = ServiceFactory.of(ROOT_REF).deps(PLUGIN_REF).factory(d -> "2");
    ServiceRegistry registry = ServiceRegistry.create(List.of(root));
    String expected =
        "Failed to instantiate service '2' for '%s' because the following dependent services are"
            + " missing: '1'";
    assertEquals(
        expected.formatted("root"),
        messageOf(() -> registry.initializeEagerServicesWithScope(ServiceScope.ROOT, null)));
    assertEquals(expected.formatted("catalog"), messageOf(() -> registry.get(ROOT_REF, "catalog")));
  }

  @Test
  void presentDependenciesAreMetadataRegisteredMultitonOrWithDefault() {
    ServiceRef<String> registered = ServiceRef.root("registered", String.class);
    ServiceRef<String> multiton = ServiceRef.builder("multi", String.class).multiton(true).build();
    ServiceRef<String> withDefault =
        ServiceRef.builder("fallback", String.class)
            .defaultFactory(service -> ServiceFactory.ofInstance(service, "f"))
            .build();
    ServiceFactory<String> factory =
        ServiceFactory.of(PLUGIN_REF)
            .deps(CoreServices.PLUGIN_METADATA, registered, multiton, withDefault)
            .factory(
                deps ->
                    deps.get(CoreServices.PLUGIN_METADATA).getId()
                        + deps.get(registered)
                        + deps.getAll(multiton)
                        + deps.get(withDefault));
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(factory, ServiceFactory.ofInstance(registered, "r")));
    assertEquals("catalogr[]f", registry.get(PLUGIN_REF, "catalog"));
  }

  @Test
  void anExtensionPointIsAMissingDependencyOfAFactory() {
    ExtensionPoint<String> point = ExtensionPoint.create("ep", String.class);
    ServiceFactory<String> factory = ServiceFactory.of(PLUGIN_REF).deps(point).factory(d -> "x");
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    assertEquals(
        "Failed to instantiate service '1' for 'catalog' because the following dependent services"
            + " are missing: 'ep'",
        messageOf(() -> registry.get(PLUGIN_REF, "catalog")));
  }

  @Test
  void failingDefaultFactoryLoader() {
    ServiceRef<String> ref =
        ServiceRef.builder("1", String.class)
            .defaultFactory(
                service -> {
                  throw new IllegalStateException("default factory error");
                })
            .build();
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    assertEquals(
        "Failed to instantiate service '1' because the default factory loader threw an error,"
            + " Error: default factory error",
        messageOf(() -> registry.get(ref, "catalog")));
  }

  @Test
  void failingCreateRootContextIsWrappedThenNestedInTheFactoryError() {
    ServiceFactory<String> factory =
        ServiceFactory.of(PLUGIN_REF)
            .createRootContext(
                rootDeps -> {
                  throw new Exception("top-level error");
                })
            .factoryWithContext(
                (deps, ctx) -> {
                  throw new Exception("error in plugin");
                });
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    // Backstage's plugin-level catch also sees the root context failure, hence two layers.
    assertEquals(
        "Failed to instantiate service '1' for 'catalog' because the factory function threw an"
            + " error, Error: Failed to instantiate service '1' because createRootContext threw an"
            + " error, Error: top-level error",
        messageOf(() -> registry.get(PLUGIN_REF, "catalog")));
  }

  @Test
  void failingPluginFactoryFunction() {
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(failing(PLUGIN_REF, "error in plugin")));
    assertEquals(
        "Failed to instantiate service '1' for 'catalog' because the factory function threw an"
            + " error, Error: error in plugin",
        messageOf(() -> registry.get(PLUGIN_REF, "catalog")));
  }

  @Test
  void rootFactoryErrorsAreNotWrapped() {
    IllegalArgumentException failure = new IllegalArgumentException("root broke");
    ServiceFactory<String> factory =
        ServiceFactory.of(ROOT_REF).factory(deps -> {
          throw failure;
        });
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    assertSame(failure, assertThrows(RuntimeException.class, () -> registry.get(ROOT_REF, "p")));
  }

  @Test
  void rootFailureSurfacesThroughTheRootContextOfADependentPluginService() {
    ServiceFactory<String> plugin = ServiceFactory.of(PLUGIN_REF).deps(ROOT_REF).factory(d -> "x");
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(plugin, failing(ROOT_REF, "root broke")));
    assertEquals(
        "Failed to instantiate service '1' for 'catalog' because the factory function threw an"
            + " error, Error: Failed to instantiate service '1' because createRootContext threw an"
            + " error, Error: root broke",
        messageOf(() -> registry.get(PLUGIN_REF, "catalog")));
  }

  @Test
  void aFailureIsRememberedAndTheFactoryNotCalledAgain() {
    AtomicInteger calls = new AtomicInteger();
    ServiceFactory<String> factory =
        ServiceFactory.of(PLUGIN_REF).factory(deps -> {
          throw new RuntimeException("attempt " + calls.incrementAndGet());
        });
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    Executable request = () -> registry.get(PLUGIN_REF, "p");
    RuntimeException first = assertThrows(RuntimeException.class, request);
    RuntimeException second = assertThrows(RuntimeException.class, request);
    assertSame(first, second);
    assertEquals(1, calls.get());
  }

  @Test
  void pluginMetadataCannotBeAdded() {
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    ServiceFactory<PluginMetadataService> override =
        ServiceFactory.ofInstance(CoreServices.PLUGIN_METADATA, () -> "fake");
    assertEquals(
        "The core.pluginMetadata service cannot be overridden",
        messageOf(() -> registry.add(override)));
  }

  @Test
  void pluginMetadataCannotBeADefault() {
    ServiceFactory<PluginMetadataService> override =
        ServiceFactory.ofInstance(CoreServices.PLUGIN_METADATA, () -> "fake");
    assertEquals(
        "The core.pluginMetadata service cannot be overridden",
        messageOf(() -> ServiceRegistry.create(List.of(override))));
  }

  @Test
  void addingAFactoryAfterTheServiceWasInstantiatedFails() {
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(ServiceFactory.ofInstance(ROOT_REF, "first")));
    registry.get(ROOT_REF, "catalog");
    assertEquals(
        "Unable to set service factory with id 2, service has already been instantiated",
        messageOf(() -> registry.add(ServiceFactory.ofInstance(ROOT_REF, "late"))));
    assertEquals("first", registry.get(ROOT_REF, "catalog"));
  }

  @Test
  void requestingAMissingServiceAlsoCountsAsInstantiated() {
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    assertNull(registry.get(PLUGIN_REF, "catalog"));
    assertEquals(
        "Unable to set service factory with id 1, service has already been instantiated",
        messageOf(() -> registry.add(ServiceFactory.ofInstance(PLUGIN_REF, "late"))));
    assertDoesNotThrow(() -> registry.add(ServiceFactory.ofInstance(ROOT_REF, "other id")));
  }

  @Test
  void aDependencyCycleThroughRefDefaultsFailsInsteadOfRecursingForever() {
    ServiceRef<String> a = cyclicRef("A", "B");
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    assertEquals(
        "Failed to instantiate service 'A' for 'p' because the factory function threw an error,"
            + " Error: Failed to instantiate service 'B' for 'p' because the factory function threw"
            + " an error, Error: Circular dependency detected while instantiating service 'A' for"
            + " 'p'",
        messageOf(() -> registry.get(a, "p")));
  }

  /** A ref whose default factory depends on a ref named {@code next}, which depends back on it. */
  private static ServiceRef<String> cyclicRef(String id, String next) {
    return ServiceRef.builder(id, String.class)
        .defaultFactory(
            service -> {
              ServiceRef<String> dependency = cyclicRef(next, id);
              return ServiceFactory.of(service).deps(dependency).factory(d -> d.get(dependency));
            })
        .build();
  }
}
