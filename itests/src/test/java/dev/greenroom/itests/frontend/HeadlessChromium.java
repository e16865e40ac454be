package dev.greenroom.itests.frontend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, one process per page: {@code --dump-dom} gives the DOM as Chromium
 * built it (after parsing and running the page), {@code --screenshot} a PNG of what a person sees.
 * Each run gets a fresh profile folder, removed afterwards.
 */
final class HeadlessChromium {
  static final Path BINARY = Paths.get("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 120;

  private HeadlessChromium() {}

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** The serialized DOM of {@code url} after load. */
  static String dumpDom(String url) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", url), null);
  }

  /** A 1280x900 screenshot of {@code url}, written to {@code png}. */
  static void screenshot(String url, Path png) throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900", "--hide-scrollbars", url), png);
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new AssertionError("Chromium wrote no screenshot of " + url + " to " + png);
    }
  }

  private static String run(List<String> args, Path expectedFile) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("gr-chromium-");
    try {
      List<String> command = new ArrayList<>(List.of(
          BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile));
      command.addAll(args);
      Path stdout = Files.createTempFile("gr-chromium-", ".out");
      Path stderr = Files.createTempFile("gr-chromium-", ".err");
      try {
        Process process = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + command + "\n"
              + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return out;
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
