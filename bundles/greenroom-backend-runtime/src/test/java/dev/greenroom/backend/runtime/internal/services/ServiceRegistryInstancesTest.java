package dev.greenroom.backend.runtime.internal.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.api.services.PluginMetadataService;
import dev.greenroom.backend.runtime.internal.ErrorText;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Scopes, caching, precedence and the built-in plugin metadata. */
class ServiceRegistryInstancesTest {
  /** A class rather than a record: the tests compare instances by identity. */
  static final class Box {
    final String value;

    Box(String value) {
      this.value = value;
    }
  }

  static final ServiceRef<Box> PLUGIN_REF = ServiceRef.create("1", Box.class);
  static final ServiceRef<Box> ROOT_REF = ServiceRef.root("2", Box.class);

  static ServiceFactory<Box> boxFactory(ServiceRef<Box> ref, String value) {
    return ServiceFactory.of(ref).factory(deps -> new Box(value));
  }

  static ServiceRef<Box> refWithDefault(String id, String value) {
    return ServiceRef.builder(id, Box.class)
        .defaultFactory(service -> boxFactory(service, value))
        .build();
  }

  @Test
  void returnsNullWhenNoFactoryIsDefined() {
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    assertNull(registry.get(PLUGIN_REF, "catalog"));
  }

  @Test
  void pluginServiceIsCachedPerPluginAndDiffersAcrossPlugins() {
    ServiceRegistry registry = ServiceRegistry.create(List.of(boxFactory(PLUGIN_REF, "x")));
    Box catalog = registry.get(PLUGIN_REF, "catalog");
    assertEquals("x", catalog.value);
    assertSame(catalog, registry.get(PLUGIN_REF, "catalog"));
    assertSame(registry.get(PLUGIN_REF, "scaffolder"), registry.get(PLUGIN_REF, "scaffolder"));
    assertNotSame(catalog, registry.get(PLUGIN_REF, "scaffolder"));
  }

  @Test
  void rootServiceIsOneInstanceForAllPlugins() {
    ServiceRegistry registry = ServiceRegistry.create(List.of(boxFactory(ROOT_REF, "r")));
    assertSame(registry.get(ROOT_REF, "catalog"), registry.get(ROOT_REF, "scaffolder"));
    assertSame(registry.get(ROOT_REF, "catalog"), registry.get(ROOT_REF, null));
  }

  @Test
  void differentRefsGetDifferentInstances() {
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(boxFactory(PLUGIN_REF, "1"), boxFactory(ROOT_REF, "2")));
    assertEquals("1", registry.get(PLUGIN_REF, "catalog").value);
    assertEquals("2", registry.get(ROOT_REF, "catalog").value);
  }

  @Test
  void pluginServiceMayDependOnRootService() {
    ServiceFactory<Box> dependent =
        ServiceFactory.of(PLUGIN_REF)
            .deps(ROOT_REF)
            .factory(deps -> new Box("from " + deps.get(ROOT_REF).value));
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(dependent, boxFactory(ROOT_REF, "root")));
    assertEquals("from root", registry.get(PLUGIN_REF, "catalog").value);
  }

  @Test
  void rootServiceMayDependOnRootService() {
    ServiceRef<Box> other = ServiceRef.root("x", Box.class);
    ServiceFactory<Box> dependent =
        ServiceFactory.of(other)
            .deps(ROOT_REF)
            .factory(deps -> new Box("from " + deps.get(ROOT_REF).value));
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(dependent, boxFactory(ROOT_REF, "root")));
    assertEquals("from root", registry.get(other, "catalog").value);
  }

  @Test
  void pluginDepsResolveForTheSamePlugin() {
    ServiceRef<Box> outer = ServiceRef.create("outer", Box.class);
    ServiceFactory<Box> outerFactory =
        ServiceFactory.of(outer).deps(PLUGIN_REF).factory(deps -> deps.get(PLUGIN_REF));
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(outerFactory, boxFactory(PLUGIN_REF, "inner")));
    assertSame(registry.get(PLUGIN_REF, "catalog"), registry.get(outer, "catalog"));
    assertSame(registry.get(PLUGIN_REF, "search"), registry.get(outer, "search"));
  }

  @Test
  void pluginMetadataAnswersTheRequestingPluginId() {
    ServiceRef<Box> ref = ServiceRef.create("x", Box.class);
    ServiceFactory<Box> factory =
        ServiceFactory.of(ref)
            .deps(CoreServices.PLUGIN_METADATA)
            .factory(deps -> new Box(deps.get(CoreServices.PLUGIN_METADATA).getId()));
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    assertEquals("catalog", registry.get(ref, "catalog").value);
    assertEquals("search", registry.get(ref, "search").value);
    PluginMetadataService direct = registry.get(CoreServices.PLUGIN_METADATA, "todo");
    assertEquals("todo", direct.getId());
  }

  @Test
  void lastDefaultFactoryForAnIdWins() {
    ServiceRegistry registry =
        ServiceRegistry.create(
            List.of(boxFactory(ROOT_REF, "first"), boxFactory(ROOT_REF, "last")));
    assertEquals("last", registry.get(ROOT_REF, "catalog").value);
  }

  @Test
  void refDefaultFactoryIsUsedWhenNothingIsRegistered() {
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    assertEquals("fallback", registry.get(refWithDefault("1", "fallback"), "catalog").value);
  }

  @Test
  void refDefaultFactoryIsNotUsedWhenAFactoryIsRegistered() {
    ServiceRegistry registry = ServiceRegistry.create(List.of(boxFactory(PLUGIN_REF, "given")));
    assertEquals("given", registry.get(refWithDefault("1", "fallback"), "catalog").value);
  }

  @Test
  void distinctRefsWithDefaultFactoriesGetDistinctInstances() {
    // One loader object shared by two refs, as a non-capturing lambda in a helper would be.
    Function<ServiceRef<Box>, ServiceFactory<Box>> sharedLoader =
        service -> boxFactory(service, service.id());
    ServiceRef<Box> a = ServiceRef.builder("2a", Box.class).defaultFactory(sharedLoader).build();
    ServiceRef<Box> b = ServiceRef.builder("2b", Box.class).defaultFactory(sharedLoader).build();
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    assertEquals("2a", registry.get(a, "catalog").value);
    assertEquals("2b", registry.get(b, "catalog").value);
    assertSame(registry.get(a, "catalog"), registry.get(a, "catalog"));
    assertNotSame(registry.get(a, "catalog"), registry.get(b, "catalog"));
  }

  @Test
  void rootContextIsCreatedOncePerFactoryAndFactoryOncePerPlugin() {
    AtomicInteger contexts = new AtomicInteger();
    AtomicInteger instances = new AtomicInteger();
    ServiceFactory<Box> factory =
        ServiceFactory.of(PLUGIN_REF)
            .createRootContext(rootDeps -> "ctx" + contexts.incrementAndGet())
            .factoryWithContext(
                (deps, ctx) -> new Box(ctx + "/" + instances.incrementAndGet()));
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    for (int i = 0; i < 3; i++) {
      registry.get(PLUGIN_REF, "catalog");
      registry.get(PLUGIN_REF, "scaffolder");
    }
    assertEquals(1, contexts.get());
    assertEquals(2, instances.get());
    assertEquals("ctx1/1", registry.get(PLUGIN_REF, "catalog").value);
    assertEquals("ctx1/2", registry.get(PLUGIN_REF, "scaffolder").value);
  }

  @Test
  void factoryWithoutRootContextGetsNullContext() {
    ServiceFactory<Box> factory =
        ServiceFactory.of(PLUGIN_REF).factoryWithContext((deps, ctx) -> new Box("ctx=" + ctx));
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    assertEquals("ctx=null", registry.get(PLUGIN_REF, "catalog").value);
  }

  @Test
  void multitonYieldsAllInstancesInRegistrationOrder() {
    ServiceRef<Box> multi = ServiceRef.builder("m", Box.class).multiton(true).build();
    ServiceRegistry registry =
        ServiceRegistry.create(
            List.of(boxFactory(multi, "default1"), boxFactory(multi, "default2")));
    registry.add(boxFactory(multi, "added"));
    registry.add(boxFactory(multi, "loaded"), "loader");
    List<String> values = registry.getAll(multi, "catalog").stream().map(b -> b.value).toList();
    assertEquals(List.of("default1", "default2", "added", "loaded"), values);
  }

  @Test
  void multitonDependencyIsAListAndEmptyWithoutFactories() {
    ServiceRef<Box> multi = ServiceRef.builder("m", Box.class).multiton(true).build();
    ServiceFactory<Box> consumer =
        ServiceFactory.of(PLUGIN_REF)
            .deps(multi)
            .factory(deps -> new Box("count=" + deps.getAll(multi).size()));
    ServiceRegistry registry = ServiceRegistry.create(List.of(consumer));
    assertEquals(List.of(), registry.getAll(multi, "catalog"));
    assertEquals("count=0", registry.get(PLUGIN_REF, "catalog").value);
  }

  @Test
  void resolveReturnsTheInstanceOrTheListForAMultiton() {
    ServiceRef<Box> multi = ServiceRef.builder("m", Box.class).multiton(true).build();
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(boxFactory(multi, "a"), boxFactory(ROOT_REF, "r")));
    assertSame(registry.get(ROOT_REF, "p"), registry.resolve(ROOT_REF, "p"));
    assertEquals(registry.getAll(multi, "p"), registry.resolve(multi, "p"));
  }

  @Test
  void singletonAndMultitonAccessorsRejectTheOtherKind() {
    ServiceRef<Box> multi = ServiceRef.builder("m", Box.class).multiton(true).build();
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    assertEquals(
        "serviceRef{m} is a multiton service, use getAll() to get it",
        assertThrows(IllegalArgumentException.class, () -> registry.get(multi, "p"))
            .getMessage());
    assertEquals(
        "serviceRef{1} is not a multiton service, use get() to get it",
        assertThrows(IllegalArgumentException.class, () -> registry.getAll(PLUGIN_REF, "p"))
            .getMessage());
  }

  @Test
  void addReplacesASingletonDefaultAndMarksItAdded() {
    ServiceRegistry registry = ServiceRegistry.create(List.of(boxFactory(ROOT_REF, "default")));
    assertFalse(registry.hasBeenAdded(ROOT_REF));
    registry.add(boxFactory(ROOT_REF, "added"));
    assertTrue(registry.hasBeenAdded(ROOT_REF));
    assertEquals("added", registry.get(ROOT_REF, "catalog").value);
  }

  @Test
  void hasBeenAddedIsTrueForPluginMetadataAndFalseForMultitons() {
    ServiceRef<Box> multi = ServiceRef.builder("m", Box.class).multiton(true).build();
    ServiceRegistry registry = ServiceRegistry.create(List.of());
    registry.add(boxFactory(multi, "a"));
    assertTrue(registry.hasBeenAdded(CoreServices.PLUGIN_METADATA));
    assertFalse(registry.hasBeenAdded(multi));
    assertFalse(registry.hasBeenAdded(PLUGIN_REF));
  }

  @Test
  void disposePluginForgetsOnlyThatPluginsInstances() {
    AtomicInteger contexts = new AtomicInteger();
    ServiceFactory<Box> pluginFactory =
        ServiceFactory.of(PLUGIN_REF)
            .createRootContext(rootDeps -> contexts.incrementAndGet())
            .factoryWithContext((deps, ctx) -> new Box("p"));
    ServiceRegistry registry =
        ServiceRegistry.create(List.of(pluginFactory, boxFactory(ROOT_REF, "r")));
    Box catalogBefore = registry.get(PLUGIN_REF, "catalog");
    Box searchBefore = registry.get(PLUGIN_REF, "search");
    Box rootBefore = registry.get(ROOT_REF, "catalog");

    registry.disposePlugin("catalog");

    assertNotSame(catalogBefore, registry.get(PLUGIN_REF, "catalog"));
    assertSame(searchBefore, registry.get(PLUGIN_REF, "search"));
    assertSame(rootBefore, registry.get(ROOT_REF, "catalog"));
    assertEquals(1, contexts.get());
  }

  @Test
  void checkedExceptionFromRootFactoryRendersAsItself() {
    IOException failure = new IOException("disk gone");
    ServiceFactory<Box> factory =
        ServiceFactory.of(ROOT_REF).factory(deps -> {
          throw failure;
        });
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));
    UncheckedFactoryException thrown =
        assertThrows(UncheckedFactoryException.class, () -> registry.get(ROOT_REF, "p"));
    assertSame(failure, thrown.getCause());
    assertEquals("IOException: disk gone", ErrorText.of(thrown));
  }

  @Test
  void describeListsBuiltInDefaultsAddedAndLoadedRefDefaults() {
    ServiceRef<Box> multi = ServiceRef.builder("m", Box.class).multiton(true).build();
    ServiceRef<Box> withDefault = refWithDefault("d", "fallback");
    ServiceRegistry registry = ServiceRegistry.create(List.of(boxFactory(ROOT_REF, "r")));
    registry.add(boxFactory(multi, "a"));
    registry.add(boxFactory(multi, "b"), "loader");
    registry.get(withDefault, "catalog");

    String here = ServiceRegistryInstancesTest.class.getName();
    assertEquals(
        List.of(
            new ServiceInfo(
                "core.pluginMetadata", ServiceScope.PLUGIN, false, "built-in", "built-in"),
            new ServiceInfo("2", ServiceScope.ROOT, false, here, "default"),
            new ServiceInfo("m", ServiceScope.PLUGIN, true, here, "added"),
            new ServiceInfo("m", ServiceScope.PLUGIN, true, here, "loader"),
            new ServiceInfo("d", ServiceScope.PLUGIN, false, here, "ref default")),
        registry.describe());
  }
}
