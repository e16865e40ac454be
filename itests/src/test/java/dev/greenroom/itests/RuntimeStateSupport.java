package dev.greenroom.itests;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Helpers for tests that read the runtime's state through the {@link GreenroomRuntime} service:
 * polling with a deadline for a plugin state or a diagnosis, and the names the runtime uses for
 * bundles in its messages ({@code <bsn> <version> [<id>]}).
 */
public abstract class RuntimeStateSupport extends GreenroomTestSupport {
  /** How often the await helpers poll. */
  private static final long POLL_MILLIS = 20;

  /** The runtime's state service (waits for it). */
  protected GreenroomRuntime runtime() throws InterruptedException {
    return awaitService(GreenroomRuntime.class, null, TIMEOUT);
  }

  /** How the runtime names a bundle in DTOs and messages: {@code <bsn> <version> [<id>]}. */
  protected static String bundleName(Bundle bundle) {
    return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
  }

  /** The installed bundle with this symbolic name; fails if there is none. */
  protected Bundle requireBundle(String symbolicName) {
    Bundle b = findBundle(symbolicName);
    if (b == null) {
      throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
    return b;
  }

  /** Waits until plugin {@code id} is known and {@code condition} holds; returns that DTO. */
  protected PluginDTO awaitPlugin(String id, String what, Predicate<PluginDTO> condition, Duration timeout)
      throws InterruptedException {
    GreenroomRuntime runtime = runtime();
    long end = System.nanoTime() + timeout.toNanos();
    Optional<PluginDTO> last;
    while (true) {
      last = runtime.plugin(id);
      if (last.isPresent() && condition.test(last.get())) {
        return last.get();
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("plugin '" + id + "' is not " + what + " after " + timeout.toMillis() + " ms: "
            + last.map(Object::toString).orElse("unknown") + "; " + runtime.diagnose(id));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Waits until plugin {@code id} is RUNNING. */
  protected PluginDTO awaitRunning(String id) throws InterruptedException {
    return awaitPlugin(id, "RUNNING", p -> p.state() == FeatureState.RUNNING, TIMEOUT);
  }

  /** Waits until the diagnosis of {@code id} satisfies {@code condition}; returns it. */
  protected DiagnosisDTO awaitDiagnosis(String id, String what, Predicate<DiagnosisDTO> condition, Duration timeout)
      throws InterruptedException {
    GreenroomRuntime runtime = runtime();
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      DiagnosisDTO d = runtime.diagnose(id);
      if (condition.test(d)) {
        return d;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("diagnosis of '" + id + "' never showed " + what + " in " + timeout.toMillis()
            + " ms; last: " + d + "; plugin: " + runtime.plugin(id).map(Object::toString).orElse("unknown"));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Waits until {@code condition} holds. */
  protected static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not " + what + " after " + timeout.toMillis() + " ms");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Checks that {@code value} keeps being {@code expected} for {@code period}: for "nothing
   * happens" assertions, where there is no event to wait for.
   */
  protected static <T> void assertStays(String what, T expected, Supplier<T> value, Duration period)
      throws InterruptedException {
    long end = System.nanoTime() + period.toNanos();
    do {
      T now = value.get();
      if (!expected.equals(now)) {
        throw new AssertionError(what + " changed: expected " + expected + " but was " + now);
      }
      Thread.sleep(POLL_MILLIS);
    } while (System.nanoTime() < end);
  }

  /** The reasons of one code. */
  protected static List<Reason> reasons(DiagnosisDTO d, ReasonCode code) {
    return d.reasons().stream().filter(r -> r.code() == code).collect(Collectors.toList());
  }

  protected static boolean has(DiagnosisDTO d, ReasonCode code) {
    return !reasons(d, code).isEmpty();
  }

  /** The only reason of {@code code}; fails if there is none or several. */
  protected static Reason onlyReason(DiagnosisDTO d, ReasonCode code) {
    List<Reason> found = reasons(d, code);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + code + " reason in " + d);
    }
    return found.get(0);
  }

  /** The codes of a diagnosis, in order. */
  protected static List<ReasonCode> codes(DiagnosisDTO d) {
    return d.reasons().stream().map(Reason::code).collect(Collectors.toList());
  }

  /** The module ids of a plugin, in the DTO's order. */
  protected static List<String> moduleIds(PluginDTO p) {
    return p.modules().stream().map(ModuleDTO::moduleId).collect(Collectors.toList());
  }

  /** The module {@code moduleId} of {@code p}; fails if absent. */
  protected static ModuleDTO module(PluginDTO p, String moduleId) {
    return p.modules().stream()
        .filter(m -> m.moduleId().equals(moduleId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module " + moduleId + " in " + p));
  }

  /** The startedAt of plugin {@code id}, or -2 if the plugin is unknown (for assertStays). */
  protected Supplier<Long> startedAtOf(String id) throws InterruptedException {
    GreenroomRuntime runtime = runtime();
    return () -> runtime.plugin(id).map(PluginDTO::startedAt).orElse(-2L);
  }

  /** The one service reference of {@code clazz} visible to the test, failing if not exactly one. */
  protected <T> ServiceReference<T> onlyReference(Class<T> clazz, String filter) throws Exception {
    var refs = context.getServiceReferences(clazz, filter);
    if (refs.size() != 1) {
      throw new AssertionError("expected one " + clazz.getSimpleName() + " service, found " + refs);
    }
    return refs.iterator().next();
  }
}
