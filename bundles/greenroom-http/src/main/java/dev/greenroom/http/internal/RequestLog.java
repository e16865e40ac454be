package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.LoggerService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Backstage's request log: one {@code info} line per finished request, {@code [<date>] "<method>
 * <url> HTTP/<version>" <status> <content-length> "<referrer>" "<user-agent>"}, on a logger with
 * meta {@code type: incomingRequest}. The content length is the response's {@code Content-Length}
 * header, 0 when the handler did not set one (as Backstage's {@code res.getHeader}). The URL is the
 * whole one ({@code req.originalUrl}) with token-like query values masked ({@link QueryRedaction}).
 *
 * <p>The request thread only captures the request's values and queues them; one writer thread
 * formats the lines and hands them to the logger. A line written on the request thread cost every
 * request the whole logging pipeline (pax-logging's context copies, log4j2's event, layout,
 * encoder, and an appender lock contended by every request thread): most of the gap between a
 * plugin route and a bare servlet in bench/. The hand-off itself is kept cheap: the queue is
 * lock-free, and while lines keep coming the writer sleeps between batches instead of being woken
 * for each line (a wake-up is a system call); only an idle writer is woken.
 *
 * <p>The queue is bounded: a request that finds it full writes its own line, so under overload the
 * log slows requests down as a synchronous one would, and no line is dropped.
 */
public final class RequestLog {
  static final int CAPACITY = 8192;
  /** How long the busy writer lets lines accumulate between batches: the most a line waits. */
  private static final long BATCH_WAIT_NANOS = 1_000_000L;
  /** An idle writer's longest sleep; it is woken before that by the next line. */
  private static final long IDLE_PARK_NANOS = 100_000_000L;

  private final LoggerService logger;
  private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
  /** Lines queued and lines taken: adders, not one shared counter every request thread would contend for. */
  private final LongAdder queued = new LongAdder();
  private final LongAdder taken = new LongAdder();
  private final Thread writer;
  private final LineDates dates = new LineDates();
  private volatile boolean idle;
  private volatile boolean closed;

  /** What a line needs, captured on the request thread before the request objects are recycled. */
  record Entry(
      long epochMillis,
      String method,
      String url,
      String protocol,
      int status,
      long contentLength,
      String referrer,
      String userAgent) {

    static Entry of(HttpServletRequest request, HttpServletResponse response) {
      String length = response.getHeader("Content-Length");
      return new Entry(
          System.currentTimeMillis(),
          request.getMethod(),
          ErrorResponses.originalUrlOf(request),
          request.getProtocol(),
          response.getStatus(),
          length == null ? 0 : parseLength(length),
          request.getHeader("Referer"),
          request.getHeader("User-Agent"));
    }

    private static long parseLength(String value) {
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    /** Backstage's line; Jetty's protocol string is Backstage's {@code HTTP/<version>}. */
    String line(LineDates dates) {
      StringBuilder out = new StringBuilder(96 + url.length());
      out.append('[');
      dates.appendIso(epochMillis, out);
      out.append("] \"").append(method).append(' ').append(url).append(' ').append(protocol).append("\" ")
          .append(status).append(' ').append(contentLength)
          .append(" \"").append(referrer == null ? "-" : referrer)
          .append("\" \"").append(userAgent == null ? "-" : userAgent).append('"');
      return out.toString();
    }
  }

  public RequestLog(LoggerService logger) {
    this.logger = logger;
    this.writer = new Thread(this::run, "greenroom-request-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Records one finished request; called on the request thread. */
  public void record(HttpServletRequest request, HttpServletResponse response) {
    record(Entry.of(request, response));
  }

  void record(Entry entry) {
    if (closed || queued.sum() - taken.sum() >= CAPACITY) {
      write(entry, new LineDates());
      return;
    }
    queued.increment();
    queue.offer(entry);
    if (idle) {
      LockSupport.unpark(writer);
    }
    if (closed) {
      // close() may have drained before this entry arrived
      drain(new LineDates());
    }
  }

  /**
   * Writes what is queued (waiting at most {@code timeoutMillis} for the writer thread) and stops
   * the thread. Requests recorded from now on are written on their own thread.
   */
  public void close(long timeoutMillis) throws InterruptedException {
    closed = true;
    LockSupport.unpark(writer);
    writer.join(Math.max(1, timeoutMillis));
    drain(new LineDates());
  }

  private void run() {
    while (!closed) {
      if (drain(dates) > 0) {
        LockSupport.parkNanos(BATCH_WAIT_NANOS);
        continue;
      }
      idle = true;
      if (queue.isEmpty() && !closed) {
        LockSupport.parkNanos(IDLE_PARK_NANOS);
      }
      idle = false;
    }
    drain(dates);
  }

  /** Writes every queued line; returns how many. */
  private int drain(LineDates lineDates) {
    int n = 0;
    Entry entry;
    while ((entry = queue.poll()) != null) {
      taken.increment();
      write(entry, lineDates);
      n++;
    }
    return n;
  }

  private void write(Entry entry, LineDates lineDates) {
    try {
      logger.info(entry.line(lineDates));
    } catch (RuntimeException e) {
      // A failing logger must not stop the writer; nothing else can report it.
    }
  }
}
