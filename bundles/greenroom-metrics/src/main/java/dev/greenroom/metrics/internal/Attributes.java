package dev.greenroom.metrics.internal;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Backstage's metric attributes as Micrometer tags. Values are strings, numbers, booleans or arrays
 * of those (MetricAttributeValue in packages/backend-plugin-api/src/alpha/MetricsService.ts of
 * backstage/backstage): written as text, a list joined with commas; null values are left out. The
 * scope's fixed tags (a plugin's {@code plugin} label) win over an attribute of the same name.
 */
final class Attributes {
  private Attributes() {}

  static Tags tags(Map<String, ?> attributes, Tags fixed) {
    if (attributes == null || attributes.isEmpty()) {
      return fixed;
    }
    List<Tag> tags = new ArrayList<>(attributes.size());
    for (Map.Entry<String, ?> e : attributes.entrySet()) {
      if (e.getKey() == null || e.getValue() == null || isFixed(fixed, e.getKey())) {
        continue;
      }
      tags.add(Tag.of(e.getKey(), text(e.getValue())));
    }
    return Tags.of(tags).and(fixed);
  }

  private static boolean isFixed(Tags fixed, String key) {
    for (Tag t : fixed) {
      if (t.getKey().equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static String text(Object value) {
    if (value instanceof Collection<?> c) {
      return c.stream().map(v -> v == null ? "" : String.valueOf(v)).collect(Collectors.joining(","));
    }
    if (value instanceof Object[] a) {
      return text(List.of(a));
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf(d.longValue()); // 200.0 is the status 200
    }
    return String.valueOf(value);
  }
}
