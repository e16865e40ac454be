package dev.greenroom.bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's {@code wrk} against a loopback URL and parses its summary. */
final class Wrk {
  record Result(String url, double requestsPerSecond, Map<String, Double> latencyMs, long requests,
      long non2xx, String socketErrors) {}

  private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$");
  private static final Pattern RPS = Pattern.compile("^Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("^\\s+(\\d+) requests in");
  private static final Pattern NON2XX = Pattern.compile("^\\s+Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern MAX_LATENCY = Pattern.compile("^\\s+Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)\\s");
  private static final Pattern SOCKET = Pattern.compile("^\\s+Socket errors: (.*)$");

  static boolean available() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A wrk process started in the background; {@link #await} parses its summary. */
  record Running(String url, Process process, int seconds) {
    Result await() {
      try {
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        return parse(url, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Starts {@code wrk -t -c -d --timeout --latency url} without waiting for it. */
  static Running start(String url, int threads, int connections, int seconds, int timeoutSeconds) {
    return start(url, threads, connections, seconds, timeoutSeconds, 0);
  }

  /**
   * As above; with {@code thinkMs > 0} every connection pauses that long between its requests (a
   * wrk Lua {@code delay()}), so N connections are N clients at a human-ish rate instead of N
   * closed loops that only measure how fast two cores can answer.
   */
  static Running start(String url, int threads, int connections, int seconds, int timeoutSeconds, int thinkMs) {
    List<String> cmd = new java.util.ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
        "--timeout", timeoutSeconds + "s", "--latency"));
    if (thinkMs > 0) {
      cmd.add("-s");
      cmd.add(thinkScript(thinkMs));
    }
    cmd.add(url);
    try {
      return new Running(url, new ProcessBuilder(cmd).redirectErrorStream(true).start(), seconds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd + " (apt-get install -y wrk)", e);
    }
  }

  private static String thinkScript(int thinkMs) {
    try {
      java.nio.file.Path script = java.nio.file.Files.createTempFile("wrk-think-", ".lua");
      java.nio.file.Files.writeString(script, "function delay()\n  return " + thinkMs + "\nend\n");
      script.toFile().deleteOnExit();
      return script.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Result run(String url, int threads, int connections, int seconds) {
    List<String> cmd = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", url);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor(seconds + 60L, TimeUnit.SECONDS);
      return parse(url, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd + " (apt-get install -y wrk)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double ms(double v, String unit) {
    return switch (unit) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }

  static Result parse(String url, String out) {
    Map<String, Double> latency = new LinkedHashMap<>();
    double rps = Double.NaN;
    long total = -1;
    long non2xx = 0;
    String socket = "none";
    for (String line : out.split("\n")) {
      Matcher m;
      if ((m = PERCENTILE.matcher(line)).find()) {
        double v = Double.parseDouble(m.group(2));
        latency.put("p" + m.group(1), ms(v, m.group(3)));
      } else if ((m = MAX_LATENCY.matcher(line)).find()) {
        latency.put("max", ms(Double.parseDouble(m.group(1)), m.group(2)));
      } else if ((m = RPS.matcher(line)).find()) {
        rps = Double.parseDouble(m.group(1));
      } else if ((m = TOTAL.matcher(line)).find()) {
        total = Long.parseLong(m.group(1));
      } else if ((m = NON2XX.matcher(line)).find()) {
        non2xx = Long.parseLong(m.group(1));
      } else if ((m = SOCKET.matcher(line)).find()) {
        socket = m.group(1).trim();
      }
    }
    if (Double.isNaN(rps)) {
      throw new IllegalStateException("unexpected wrk output for " + url + ":\n" + out);
    }
    return new Result(url, rps, latency, total, non2xx, socket);
  }
}
