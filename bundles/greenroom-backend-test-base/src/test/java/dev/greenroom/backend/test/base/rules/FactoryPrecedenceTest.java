package dev.greenroom.backend.test.base.rules;

import static dev.greenroom.backend.test.base.rules.Rules.messageOf;
import static dev.greenroom.backend.test.base.rules.Rules.plugin;
import static dev.greenroom.backend.test.base.rules.Rules.wiringFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendFeatureLoader;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.ServiceScope;
import dev.greenroom.backend.runtime.Backend;
import dev.greenroom.backend.runtime.Backends;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which service factory wins, defaults and overrides (upstream: backend-app-api/src/wiring/ServiceRegistry.ts). */
@Timeout(60)
class FactoryPrecedenceTest {
  static final AtomicInteger REF_DEFAULT_LOADS = new AtomicInteger();
  static final ServiceRef<String> SVC =
      ServiceRef.builder("test.svc", String.class)
          .scope(ServiceScope.ROOT)
          .defaultFactory(ref -> {
            REF_DEFAULT_LOADS.incrementAndGet();
            return ServiceFactory.ofInstance(ref, "ref-default");
          })
          .build();

  static List<ServiceFactory<?>> defaults(ServiceFactory<?>... extra) {
    CapturingLogger logs = new CapturingLogger();
    List<ServiceFactory<?>> list = new ArrayList<>(DefaultServiceFactories.create(MapConfig::empty, logs::logger));
    list.addAll(List.of(extra));
    return list;
  }

  /** Starts a backend made by createSpecializedBackend and returns what a plugin got for SVC. */
  static String winner(List<ServiceFactory<?>> defaults, BackendFeature... features) {
    Backend backend = Backends.createSpecializedBackend(defaults);
    AtomicReference<String> seen = new AtomicReference<>();
    for (BackendFeature f : features) {
      backend.add(f);
    }
    backend.add(plugin("p", Deps.of(SVC), d -> seen.set(d.get(SVC))));
    try {
      backend.start();
    } finally {
      backend.stop();
    }
    return seen.get();
  }

  static ServiceFactory<String> fixed(String value, AtomicInteger calls) {
    return ServiceFactory.of(SVC).factory(d -> {
      calls.incrementAndGet();
      return value;
    });
  }

  @Test
  void precedenceIsAddThenLoaderThenDefaultsThenTheRefDefault() {
    AtomicInteger calls = new AtomicInteger();
    REF_DEFAULT_LOADS.set(0);
    assertEquals("ref-default", winner(defaults()));
    assertEquals(1, REF_DEFAULT_LOADS.get());

    REF_DEFAULT_LOADS.set(0);
    assertEquals("default", winner(defaults(fixed("default", calls))));
    assertEquals(0, REF_DEFAULT_LOADS.get(), "the ref default is not even loaded");

    calls.set(0);
    assertEquals(
        "loader",
        winner(defaults(fixed("default", calls)), BackendFeatureLoader.create(d -> List.of(fixed("loader", calls)))));
    assertEquals(1, calls.get(), "only the winner is instantiated");

    calls.set(0);
    assertEquals(
        "added",
        winner(
            defaults(fixed("default", calls)),
            BackendFeatureLoader.create(d -> List.of(fixed("loader", calls))),
            fixed("added", calls)));
    assertEquals(1, calls.get(), "only the winner is instantiated");
    assertEquals(0, REF_DEFAULT_LOADS.get());
  }

  @Test
  void anExplicitAddSilentlyReplacesADefault() {
    AtomicInteger calls = new AtomicInteger();
    try (TestBackend backend =
        TestBackend.builder().defaultService(fixed("default", calls)).add(fixed("added", calls)).start()) {
      assertEquals("added", backend.service(SVC, "root"));
      assertEquals(1, calls.get());
    }
  }

  @Test
  void duplicateDefaultsForASingletonThrowAtCreation() {
    ServiceRef<String> other = ServiceRef.root("test.other", String.class);
    ServiceRef<String> multi = ServiceRef.builder("test.multi", String.class).multiton(true).build();
    List<ServiceFactory<?>> list =
        defaults(
            ServiceFactory.ofInstance(SVC, "1"),
            ServiceFactory.ofInstance(other, "1"),
            ServiceFactory.ofInstance(multi, "1"),
            ServiceFactory.ofInstance(SVC, "2"),
            ServiceFactory.ofInstance(multi, "2"),
            ServiceFactory.ofInstance(other, "2"));
    assertEquals(
        "Duplicate service implementations provided for test.svc, test.other",
        messageOf(() -> Backends.createSpecializedBackend(list)));
    // a single duplicate
    assertEquals(
        "Duplicate service implementations provided for test.svc",
        messageOf(() -> Backends.createSpecializedBackend(
            defaults(ServiceFactory.ofInstance(SVC, "1"), ServiceFactory.ofInstance(SVC, "2")))));
  }

  @Test
  void duplicateDefaultsForAMultitonAreFine() {
    ServiceRef<String> multi = ServiceRef.builder("test.multi", String.class).multiton(true).build();
    Backend backend =
        Backends.createSpecializedBackend(
            defaults(ServiceFactory.ofInstance(multi, "1"), ServiceFactory.ofInstance(multi, "2")));
    AtomicReference<List<String>> seen = new AtomicReference<>();
    backend.add(plugin("p", Deps.of(multi), d -> seen.set(d.getAll(multi))));
    backend.start();
    backend.stop();
    assertEquals(List.of("1", "2"), seen.get());
  }

  @Test
  void duplicateExplicitAddsFailAtStart() {
    AtomicInteger calls = new AtomicInteger();
    Backend backend = Backends.createSpecializedBackend(defaults());
    backend.add(fixed("one", calls));
    backend.add(fixed("two", calls));
    assertEquals("Duplicate service implementations provided for test.svc", messageOf(backend::start));
    backend.stop();
    assertEquals(0, calls.get());
  }

  @Test
  void twoLoadersProvidingTheSameSingletonConflict() {
    BackendFeatureLoader first = BackendFeatureLoader.create(d -> List.of(ServiceFactory.ofInstance(SVC, "first")));
    BackendFeatureLoader second = BackendFeatureLoader.create(d -> List.of(ServiceFactory.ofInstance(SVC, "second")));
    String site = "created at 'dev\\.greenroom\\.backend\\.test\\.base\\.rules\\.FactoryPrecedenceTest\\."
        + "twoLoadersProvidingTheSameSingletonConflict\\(FactoryPrecedenceTest\\.java:\\d+\\)'";
    assertTrue(first.description().matches(site), first.description());
    assertTrue(second.description().matches(site), second.description());
    RuntimeException e = wiringFailure(TestBackend.builder().add(first).add(second));
    assertEquals(
        "Duplicate service implementations provided for test.svc by both feature loader "
            + second.description() + " and feature loader " + first.description(),
        e.getMessage());
  }

  @Test
  void anExplicitAddIsTheEscapeHatchForLoaderConflicts() {
    AtomicInteger calls = new AtomicInteger();
    try (TestBackend backend =
        TestBackend.builder()
            .add(BackendFeatureLoader.create(d -> List.of(fixed("first", calls))))
            .add(BackendFeatureLoader.create(d -> List.of(fixed("second", calls))))
            .add(fixed("added", calls))
            .start()) {
      assertEquals("added", backend.service(SVC, "root"));
      assertEquals(1, calls.get());
    }
  }

  @Test
  void multitonFactoriesFromLoadersAreAlwaysAdded() {
    ServiceRef<String> multi = ServiceRef.builder("test.multi", String.class).multiton(true).build();
    AtomicReference<List<String>> seen = new AtomicReference<>();
    try (TestBackend backend =
        TestBackend.builder()
            .add(ServiceFactory.ofInstance(multi, "added"))
            .add(BackendFeatureLoader.create(d -> List.of(ServiceFactory.ofInstance(multi, "first"))))
            .add(BackendFeatureLoader.create(d -> List.of(ServiceFactory.ofInstance(multi, "second"))))
            .add(plugin("p", Deps.of(multi), d -> seen.set(d.getAll(multi))))
            .start()) {
      assertEquals(List.of("added", "first", "second"), seen.get());
    }
  }

  @Test
  void insideTheRegistrysOwnCreationTheLastDefaultWins() {
    // TestBackend hands its defaults to the registry directly, without createSpecializedBackend
    try (TestBackend backend =
        TestBackend.builder()
            .defaultService(ServiceFactory.ofInstance(SVC, "first"))
            .defaultService(ServiceFactory.ofInstance(SVC, "last"))
            .start()) {
      assertEquals("last", backend.service(SVC, "root"));
    }
  }
}
