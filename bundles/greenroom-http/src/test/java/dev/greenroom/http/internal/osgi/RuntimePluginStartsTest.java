package dev.greenroom.http.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which runtime states mean "no start pending" (503 at once) and which hold requests. */
class RuntimePluginStartsTest {
  private static Optional<String> why(FeatureState state, String cause) {
    return RuntimePluginStarts.why(new PluginDTO("p", state, null, List.of(), cause, -1, -1, 0));
  }

  @Test
  void failedStoppedAndIdleHaveNoStartPending() {
    assertEquals(Optional.of("it failed: Boom"), why(FeatureState.FAILED, "Boom"));
    assertEquals(Optional.of("it failed"), why(FeatureState.FAILED, null));
    assertEquals(Optional.of("it is stopped"), why(FeatureState.STOPPED, null));
    assertEquals(Optional.of("it is not installed (idle)"), why(FeatureState.IDLE, null));
  }

  @Test
  void everyOtherStateHoldsRequests() {
    for (FeatureState s : List.of(
        FeatureState.STARTING, FeatureState.WAITING_FOR_MODULES, FeatureState.STOPPING, FeatureState.RUNNING)) {
      assertEquals(Optional.empty(), why(s, null), s.name());
    }
  }

  @Test
  void withoutARuntimeAStartCountsAsPending() {
    assertEquals(Optional.empty(), new RuntimePluginStarts(() -> null).noStartPending("p"));
  }
}
