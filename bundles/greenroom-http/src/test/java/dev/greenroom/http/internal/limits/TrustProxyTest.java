package dev.greenroom.http.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's {@code trust proxy} values, as proxy-addr computes {@code req.ip}. */
class TrustProxyTest {
  private static String ip(Object trust, String socket, String xff) {
    return TrustProxy.read(new MapConfig(Map.of("backend", Map.of("trustProxy", trust)), "x")).clientAddress(socket, xff);
  }

  @Test
  void unsetOrFalseIgnoresTheHeader() {
    assertEquals("10.0.0.1", TrustProxy.read(MapConfig.empty()).clientAddress("10.0.0.1", "1.2.3.4"));
    assertEquals("10.0.0.1", ip(false, "10.0.0.1", "1.2.3.4"));
    assertEquals("10.0.0.1", ip(0, "10.0.0.1", "1.2.3.4"));
  }

  @Test
  void trueTrustsEveryHop() {
    assertEquals("1.1.1.1", ip(true, "10.0.0.1", "1.1.1.1, 2.2.2.2"));
    assertEquals("10.0.0.1", ip(true, "10.0.0.1", null));
  }

  @Test
  void aNumberTrustsThatManyHops() {
    assertEquals("2.2.2.2", ip(1, "10.0.0.1", "1.1.1.1, 2.2.2.2"));
    assertEquals("1.1.1.1", ip(2, "10.0.0.1", "1.1.1.1, 2.2.2.2"));
    assertEquals("1.1.1.1", ip(5, "10.0.0.1", "1.1.1.1, 2.2.2.2"));
  }

  @Test
  void addressesSubnetsAndNamedRanges() {
    assertEquals("2.2.2.2", ip("loopback", "127.0.0.1", "1.1.1.1, 2.2.2.2"));
    assertEquals("10.0.0.1", ip("loopback", "10.0.0.1", "1.1.1.1"));
    assertEquals("1.1.1.1", ip("loopback, 2.2.2.0/24", "127.0.0.1", "1.1.1.1, 2.2.2.2"));
    assertEquals("1.1.1.1", ip(List.of("127.0.0.1", "2.2.2.0/255.255.255.0"), "127.0.0.1", "1.1.1.1, 2.2.2.2"));
    assertEquals("192.168.1.5", ip("uniquelocal", "10.1.2.3", "192.168.1.5"));
    assertEquals("fd00::5", ip("loopback, uniquelocal", "0:0:0:0:0:0:0:1", "fd00::5"));
    assertEquals("1.1.1.1", ip("loopback", "0:0:0:0:0:0:0:1", "1.1.1.1"));
    // an IPv4 client never matches an IPv6 subnet
    assertEquals("10.0.0.1", ip("fc00::/7", "10.0.0.1", "1.1.1.1"));
  }

  @Test
  void badEntriesNameTheKey() {
    assertEquals("Invalid config value at 'backend.trustProxy': invalid IP address: proxy.example.com",
        assertThrows(IllegalArgumentException.class, () -> ip("proxy.example.com", "1.1.1.1", null)).getMessage());
    assertEquals("Invalid config value at 'backend.trustProxy': invalid range on address: 10.0.0.0/33",
        assertThrows(IllegalArgumentException.class, () -> ip("10.0.0.0/33", "1.1.1.1", null)).getMessage());
  }

  @Test
  void rateLimitKeysGroupIpv6ByItsSlash56() {
    assertEquals("1.2.3.4", RateLimiter.key("1.2.3.4"));
    assertEquals("2001:db8:0:1200:0:0:0:0/56", RateLimiter.key("2001:db8:0:12ff::1"));
    assertEquals("1.2.3.4", RateLimiter.key("::ffff:1.2.3.4"));
  }
}
