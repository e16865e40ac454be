package dev.greenroom.http.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC timestamps with milliseconds ({@code 2026-11-21T10:15:30.123Z}, JavaScript's
 * {@code toISOString()}), formatted once per second and completed with the milliseconds: the
 * request log writes one per request. An instance is not thread-safe (one per writing thread);
 * {@link #toIsoString} is.
 */
final class LineDates {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

  private long cachedSecond = Long.MIN_VALUE;
  private String cachedPrefix;

  /** One instant as JavaScript's {@code toISOString()} writes it. */
  static String toIsoString(Instant instant) {
    StringBuilder out = new StringBuilder(24);
    new LineDates().appendIso(instant.toEpochMilli(), out);
    return out.toString();
  }

  void appendIso(long epochMillis, StringBuilder out) {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != cachedSecond) {
      cachedPrefix = SECONDS.format(Instant.ofEpochSecond(second));
      cachedSecond = second;
    }
    int millis = (int) Math.floorMod(epochMillis, 1000);
    out.append(cachedPrefix);
    if (millis < 100) {
      out.append('0');
    }
    if (millis < 10) {
      out.append('0');
    }
    out.append(millis).append('Z');
  }
}
