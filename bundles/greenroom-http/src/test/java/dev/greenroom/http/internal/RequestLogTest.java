package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.test.base.CapturingLogger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RequestLogTest {
  private static final long AT = Instant.parse("2026-11-21T10:15:30.123Z").toEpochMilli();

  private static RequestLog.Entry entry(int i) {
    return new RequestLog.Entry(AT, "GET", "/api/p/" + i, "HTTP/1.1", 200, 85, null, null);
  }

  @Test
  void linesHaveBackstagesShape() {
    assertEquals("[2026-11-21T10:15:30.123Z] \"POST /api/catalog/entities?x=1 HTTP/1.1\" 201 17 "
            + "\"http://ui.example/\" \"curl/8.5.0\"",
        new RequestLog.Entry(AT, "POST", "/api/catalog/entities?x=1", "HTTP/1.1", 201, 17,
            "http://ui.example/", "curl/8.5.0").line(new LineDates()));
    assertEquals("[2026-11-21T10:15:30.123Z] \"GET /api/p/1 HTTP/1.1\" 200 85 \"-\" \"-\"", entry(1).line(new LineDates()));
  }

  @Test
  void everyRecordedLineIsWrittenInOrderOnTheWriterThreadAndCloseFlushesTheRest() throws Exception {
    CapturingLogger logs = new CapturingLogger();
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = new ArrayList<>();
    // a writer that blocks on the first line shows that recording never waits for the logger
    RequestLog slow = new RequestLog(new BlockingLogger(logs, release, threads, null));
    IntStream.range(0, 1000).forEach(i -> slow.record(entry(i)));
    release.countDown();
    slow.close(10_000);

    List<String> expected = IntStream.range(0, 1000).mapToObj(i -> entry(i).line(new LineDates())).toList();
    assertEquals(expected, logs.messages());
    assertFalse(threads.contains(Thread.currentThread().getName()), threads.toString());
    assertEquals("greenroom-request-log", threads.get(0));
  }

  @Test
  void aFullQueueMakesTheRequestWriteItsOwnLineAndNothingIsDropped() throws Exception {
    CapturingLogger logs = new CapturingLogger();
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = new ArrayList<>();
    RequestLog log = new RequestLog(new BlockingLogger(logs, release, threads, "greenroom-request-log"));
    int total = RequestLog.CAPACITY + 50;
    IntStream.range(0, total).forEach(i -> log.record(entry(i)));
    release.countDown();
    log.close(10_000);

    assertEquals(total, logs.messages().size());
    long own = threads.stream().filter(Thread.currentThread().getName()::equals).count();
    assertTrue(own >= 49 && own <= 50, own + " lines written by the recording thread");
  }

  @Test
  void afterCloseLinesAreWrittenOnTheCallersThread() throws Exception {
    CapturingLogger logs = new CapturingLogger();
    RequestLog log = new RequestLog(logs.logger());
    log.close(1000);

    log.record(entry(7));

    assertEquals(List.of(entry(7).line(new LineDates())), logs.messages());
  }

  /** Blocks its first line until released; records the thread of each line. */
  private static final class BlockingLogger implements dev.greenroom.backend.api.services.LoggerService {
    private final CapturingLogger logs;
    private final CountDownLatch release;
    private final List<String> threads;
    private final String blockedThread;

    /** @param blockedThread the only thread that waits for the release (null: every thread) */
    BlockingLogger(CapturingLogger logs, CountDownLatch release, List<String> threads, String blockedThread) {
      this.logs = logs;
      this.release = release;
      this.threads = threads;
      this.blockedThread = blockedThread;
    }

    @Override
    public void info(String message, Throwable error) {
      try {
        if (blockedThread == null || blockedThread.equals(Thread.currentThread().getName())) {
          release.await(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (threads) {
        threads.add(Thread.currentThread().getName());
      }
      logs.logger().info(message);
    }

    @Override
    public void error(String message, Throwable error) {}

    @Override
    public void warn(String message, Throwable error) {}

    @Override
    public void debug(String message, Throwable error) {}

    @Override
    public dev.greenroom.backend.api.services.LoggerService child(java.util.Map<String, String> meta) {
      return this;
    }
  }
}
