package dev.greenroom.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.test.base.CapturingLogger;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StoreOutageTest {
  private final CapturingLogger logs = new CapturingLogger();
  private final AtomicLong now = new AtomicLong(10_000);
  private final StoreOutage outage = new StoreOutage("redis at 127.0.0.1:6379", logs.logger(), now::get, 1000);

  private List<String> lines() {
    return logs.records().stream().map(r -> r.level() + ": " + r.message()).toList();
  }

  @Test
  void anOutageIsOneLineWhenItBeginsAndOneWhenItEndsAndOperationsMissFastMeanwhile() {
    assertTrue(outage.tryNow());
    outage.failed("get", "Connection refused");
    for (int i = 0; i < 1000; i++) {
      assertFalse(outage.tryNow(), "no call to the store within the retry interval");
      outage.failed("get", "Connection refused"); // callers that raced past do not log again
    }
    now.addAndGet(1000);
    assertTrue(outage.tryNow(), "one probe per interval");
    assertFalse(outage.tryNow(), "only one");
    outage.succeeded();
    assertTrue(outage.tryNow());
    assertEquals(List.of(
        "warn: Cache store redis at 127.0.0.1:6379 is unavailable (get: Connection refused); cache operations answer as"
            + " misses and it is retried every 1000 ms",
        "info: Cache store redis at 127.0.0.1:6379 is available again after 2002 missed operation(s)"), lines());
  }

  @Test
  void anUnreachableRedisLogsOnceAndMissesWithoutWaitingEachTime() {
    RedisCacheStore store = new RedisCacheStore(URI.create("redis://127.0.0.1:1"), logs.logger());
    try {
      for (int i = 0; i < 200; i++) {
        assertEquals(Optional.empty(), store.get("k" + i));
        store.set("k" + i, "{}", null);
      }
    } finally {
      store.close();
    }
    assertEquals(1, lines().size(), lines().toString());
    assertTrue(lines().get(0).startsWith("warn: Cache store redis at 127.0.0.1:1 is unavailable (get: "), lines().get(0));
  }
}
