package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Defaults of the request bounds, the server's thread count, and config errors naming the key. */
class RequestLimitsTest {
  private static RequestLimits read(Map<String, Object> server, OptionalInt threads) {
    return RequestLimits.read(new MapConfig(Map.of("backend", Map.of("server", server)), "test"), threads);
  }

  @Test
  void defaults() {
    RequestLimits limits = read(Map.of(), OptionalInt.empty());
    assertEquals(new RequestLimits(Duration.ofSeconds(5), 64, 1000, Duration.ofSeconds(60)), limits);
  }

  @Test
  void theConcurrencyDefaultIsAThirdOfAKnownPoolAtMost64() {
    assertEquals(4, read(Map.of(), OptionalInt.of(12)).pluginConcurrency());
    assertEquals(64, read(Map.of(), OptionalInt.of(200)).pluginConcurrency());
    assertEquals(1, read(Map.of(), OptionalInt.of(2)).pluginConcurrency());
    // a configured bound is taken as it is
    assertEquals(100, read(Map.of("pluginConcurrency", 100), OptionalInt.of(12)).pluginConcurrency());
  }

  @Test
  void valuesAsYamlGivesThem() {
    RequestLimits limits =
        read(Map.of("pluginConcurrency", "8", "pluginHeldRequests", 0, "requestTimeout", "2 minutes"), OptionalInt.empty());
    assertEquals(8, limits.pluginConcurrency());
    assertEquals(0, limits.pluginHeldRequests());
    assertEquals(Duration.ofMinutes(2), limits.requestTimeout());
  }

  @Test
  void badValuesNameTheirKey() {
    assertEquals("Invalid config value at 'backend.server.pluginConcurrency': '0' is not a whole number of at least 1",
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("pluginConcurrency", 0), OptionalInt.empty()))
            .getMessage());
    assertEquals("Invalid config value at 'backend.server.pluginHeldRequests': '1.5' is not a whole number (0 or more)",
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("pluginHeldRequests", 1.5), OptionalInt.empty()))
            .getMessage());
    assertEquals("Invalid config value at 'backend.server.requestTimeout': 'soon' is not a duration such as 5s, 500ms or PT5S",
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("requestTimeout", "soon"), OptionalInt.empty()))
            .getMessage());
    assertEquals("Invalid config value at 'backend.server.requestTimeout': '0' must be a positive duration",
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("requestTimeout", 0), OptionalInt.empty()))
            .getMessage());
  }
}
