package dev.greenroom.backend.test.base.rules;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.Init;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.PluginStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers of the rule tests: Backstage's backend wiring rules, one test class per topic. */
final class Rules {
  private Rules() {}

  /** The header of every BackendStartupError message. */
  static final String STARTUP_FAILED = "Backend startup failed due to the following errors:";

  static String messageOf(Executable executable) {
    return assertThrows(Throwable.class, executable).getMessage();
  }

  /** Starts the builder's backend, expecting a plain (non-BackendStartupError) failure. */
  static RuntimeException wiringFailure(TestBackend.Builder builder) {
    RuntimeException e = assertThrows(RuntimeException.class, builder::start);
    if (e instanceof BackendStartupError) {
      throw new AssertionError("expected a plain wiring error, got " + e, e);
    }
    return e;
  }

  static BackendStartupError startupError(TestBackend.Builder builder) {
    return assertThrows(BackendStartupError.class, builder::start);
  }

  static BackendPlugin plugin(String pluginId, Init init) {
    return BackendPlugin.create(pluginId, reg -> reg.registerInit(Deps.none(), init));
  }

  static BackendPlugin plugin(String pluginId, Deps deps, Init init) {
    return BackendPlugin.create(pluginId, reg -> reg.registerInit(deps, init));
  }

  static BackendModule module(String pluginId, String moduleId, Init init) {
    return BackendModule.create(pluginId, moduleId, reg -> reg.registerInit(Deps.none(), init));
  }

  static BackendModule module(String pluginId, String moduleId, Deps deps, Init init) {
    return BackendModule.create(pluginId, moduleId, reg -> reg.registerInit(deps, init));
  }

  static <T> ServiceFactory<T> factory(ServiceRef<T> ref, Supplier<T> supplier) {
    return ServiceFactory.of(ref).factory(deps -> supplier.get());
  }

  static Map<String, Object> startupConfig(Map<String, Object> startup) {
    return Map.of("backend", Map.of("startup", startup));
  }

  static PluginStartupResult pluginResult(BackendStartupResult result, String pluginId) {
    return result.plugins().stream()
        .filter(p -> p.pluginId().equals(pluginId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for plugin " + pluginId));
  }

  static ModuleStartupResult moduleResult(PluginStartupResult plugin, String moduleId) {
    return plugin.modules().stream()
        .filter(m -> m.moduleId().equals(moduleId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for module " + moduleId));
  }

  static List<String> pluginIds(BackendStartupResult result) {
    return result.plugins().stream().map(PluginStartupResult::pluginId).toList();
  }

  static List<String> moduleIds(PluginStartupResult result) {
    return result.modules().stream().map(ModuleStartupResult::moduleId).toList();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A thread-safe, ordered record of what happened. */
  static final class Events {
    private final List<String> events = new ArrayList<>();

    synchronized void add(String event) {
      events.add(event);
    }

    synchronized List<String> list() {
      return List.copyOf(events);
    }

    synchronized int indexOf(String event) {
      int i = events.indexOf(event);
      if (i < 0) {
        throw new AssertionError("event '" + event + "' did not happen; events: " + events);
      }
      return i;
    }

    synchronized boolean contains(String event) {
      return events.contains(event);
    }

    /** Asserts that {@code first} happened before {@code second}. */
    void assertBefore(String first, String second) {
      int a = indexOf(first);
      int b = indexOf(second);
      if (a >= b) {
        throw new AssertionError("expected '" + first + "' before '" + second + "'; events: " + list());
      }
    }
  }
}
