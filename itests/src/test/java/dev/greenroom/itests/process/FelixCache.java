package dev.greenroom.itests.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What Felix's bundle cache on disk holds: a {@code bundle<id>} folder per bundle, its location in {@code bundle.info}. */
final class FelixCache {
  private FelixCache() {}

  /** Every bundle's cache folder by its location (the second line of {@code bundle.info}); the system bundle is left out. */
  static Map<String, Path> bundlesByLocation(Path cache) throws IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    try (Stream<Path> bundles = Files.list(cache)) {
      for (Path b : bundles.filter(p -> p.getFileName().toString().matches("bundle[1-9][0-9]*")).sorted().toList()) {
        Path info = b.resolve("bundle.info");
        if (Files.isRegularFile(info)) {
          List<String> lines = Files.readAllLines(info);
          if (lines.size() > 1) {
            out.put(lines.get(1), b);
          }
        }
      }
    }
    return out;
  }

  /** The cache folder of the bundle installed from a location ending with {@code suffix}. */
  static Path bundleFrom(Path cache, String suffix) {
    try {
      return bundlesByLocation(cache).entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
          .map(Map.Entry::getValue).findFirst()
          .orElseThrow(() -> new AssertionError("no bundle from " + suffix + " in " + cache));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
