package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineDatesTest {
  private static String iso(LineDates dates, long millis) {
    StringBuilder out = new StringBuilder();
    dates.appendIso(millis, out);
    return out.toString();
  }

  @Test
  void formatsLikeJavaScriptsToIsoStringAcrossSeconds() {
    LineDates dates = new LineDates();
    long base = Instant.parse("2026-11-21T23:59:59Z").toEpochMilli();

    assertEquals("1970-01-01T00:00:00.000Z", iso(dates, 0));
    assertEquals("2026-11-21T23:59:59.000Z", iso(dates, base));
    assertEquals("2026-11-21T23:59:59.007Z", iso(dates, base + 7));
    assertEquals("2026-11-21T23:59:59.042Z", iso(dates, base + 42));
    assertEquals("2026-11-21T23:59:59.999Z", iso(dates, base + 999));
    assertEquals("2026-11-22T00:00:00.000Z", iso(dates, base + 1000));
    assertEquals("2026-11-21T23:59:59.500Z", iso(dates, base + 500)); // back in time: no stale prefix
  }
}
