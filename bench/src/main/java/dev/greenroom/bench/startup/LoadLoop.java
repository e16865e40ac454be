package dev.greenroom.bench.startup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load on one URL from a few threads while something else happens (the deploy
 * benchmark's "untouched plugin"). Every answer other than 200, and every I/O error or timeout,
 * counts as a failed request; latencies of all requests are kept for the percentiles.
 */
final class LoadLoop implements AutoCloseable {
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong failed = new AtomicLong();
  private final List<Double> latenciesMs = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();

  LoadLoop(String url, int threadCount) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    for (int t = 0; t < threadCount; t++) {
      Thread thread = new Thread(() -> {
        while (running.get()) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
              fail(r.statusCode() + " " + r.body());
            }
          } catch (java.io.IOException e) {
            fail(e.toString());
          } catch (InterruptedException e) {
            return;
          }
          latenciesMs.add((System.nanoTime() - t0) / 1e6);
        }
      }, "bench-load-" + t);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  private void fail(String what) {
    if (failed.incrementAndGet() <= 5) {
      failures.add(what);
    }
  }

  long failed() {
    return failed.get();
  }

  List<String> firstFailures() {
    return List.copyOf(failures);
  }

  Percentiles latencies() {
    synchronized (latenciesMs) {
      return new Percentiles(new ArrayList<>(latenciesMs));
    }
  }

  @Override
  public void close() {
    running.set(false);
    for (Thread t : threads) {
      try {
        t.join(35_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
