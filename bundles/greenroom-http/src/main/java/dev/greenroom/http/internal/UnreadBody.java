package dev.greenroom.http.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rest of a request body nobody read, when the request is answered first: a 401 from the
 * credentials barrier, a 429 from the rate limiter, a plugin's 403 or 404, a 413, or a handler that
 * answers without looking at the body.
 *
 * <p>Node, under Backstage, answers and then reads and drops the rest of the body (node's {@code
 * lib/_http_server.js}: {@code resOnFinish} calls {@code req._dump()}), and the connection stays
 * for the client's next request. Jetty 12 reads, after the answer, only what has already arrived:
 * when more of the body comes its parser is terminated ("Parser is terminated") and the socket
 * closed with that data unread, which sends a TCP reset that can overtake the answer, and the
 * client gets no answer at all ("header parser received no bytes"; jetty/jetty.project#2867: "the
 * solution is to not abandon the request"). So here the answer is finished at once, then the rest
 * of the body is read and dropped by a {@link ReadListener} (no thread waits for a slow client), up
 * to {@link #LIMIT} bytes and {@link #TIMEOUT_MS}; the connection stays when the body ends within
 * them. {@link #discardRest} does it for every request, where the root dispatcher ends it (and
 * where it ends the container's error dispatch of a handler's {@code sendError}, which answers
 * after the handler's dispatch); {@link
 * #beforeAnswer} makes a refusal say {@code Connection: close} (RFC 9112 section 9.6) when its
 * connection will not stay: a body declared larger than the limit, one of unknown length, one the
 * handler read as text.
 */
public final class UnreadBody {
  /** At most this much of an unread body is read to keep its connection. */
  static final long LIMIT = 1L << 20;
  /** A client that has not sent the rest of its body by then loses the connection. */
  static final long TIMEOUT_MS = 10_000;

  private UnreadBody() {}

  /**
   * Before a refusal is written (ErrorResponses, the rate limiter): says {@code Connection: close}
   * when the connection cannot stay, i.e. when {@link #discardRest} will not read the rest of the
   * body.
   */
  public static void beforeAnswer(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return;
    }
    Left left = left(request);
    if (left == Left.UNKNOWN || (left == Left.SOME && (!discardable(request) || request.getContentLengthLong() < 0))) {
      response.setHeader("Connection", "close");
    }
  }

  /**
   * When a request's handlers are done, whatever they answered (the root dispatcher, once per
   * request): a body they left unread is read and dropped after the answer, without a thread waiting
   * for the client. If anything stands in the way the connection simply closes, as Jetty would
   * have closed it.
   */
  public static void discardRest(HttpServletRequest request, HttpServletResponse response) {
    if (left(request) != Left.SOME || !discardable(request)) {
      return;
    }
    try {
      finish(response); // the client has the whole answer now
      ServletInputStream in = request.getInputStream();
      AsyncContext async = request.startAsync();
      async.setTimeout(TIMEOUT_MS);
      Discarding discarding = new Discarding(in, async);
      async.addListener(discarding);
      in.setReadListener(discarding);
    } catch (IllegalStateException | IOException e) {
      // the answer is out either way; Jetty closes the connection
    }
  }

  /** What the handlers left of the request's body. */
  private enum Left { NOTHING, SOME, UNKNOWN }

  private static Left left(HttpServletRequest request) {
    if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
      return Left.NOTHING; // the request path's common case: two header reads
    }
    try {
      return request.getInputStream().isFinished() ? Left.NOTHING : Left.SOME;
    } catch (IllegalStateException | IOException readAsText) {
      // getReader() was used: how far is unknown, and no listener can be set on a reader
      return Left.UNKNOWN;
    }
  }

  /** Within the limit, and the request can go asynchronous (a handler's own async or a hold cannot). */
  private static boolean discardable(HttpServletRequest request) {
    return request.getContentLengthLong() <= LIMIT && request.isAsyncSupported() && !request.isAsyncStarted();
  }

  private static void finish(HttpServletResponse response) throws IOException {
    try {
      response.getOutputStream().close();
    } catch (IllegalStateException writerInUse) {
      response.getWriter().close();
    }
  }

  /** Reads and drops; completes the request at the body's end, at the limit, on error or timeout. */
  private static final class Discarding implements ReadListener, AsyncListener {
    private final ServletInputStream in;
    private final AsyncContext async;
    private final AtomicBoolean done = new AtomicBoolean();
    private final byte[] scratch = new byte[8192];
    private long read;

    Discarding(ServletInputStream in, AsyncContext async) {
      this.in = in;
      this.async = async;
    }

    @Override
    public void onDataAvailable() {
      try {
        while (in.isReady()) {
          int n = in.read(scratch);
          if (n < 0) {
            return; // onAllDataRead follows
          }
          read += n;
          if (read > LIMIT) {
            complete(); // more than declared: Jetty closes the connection
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        // the client went away, or the body ran past backend.http.maxRequestBodySize
        complete();
      }
    }

    @Override
    public void onAllDataRead() {
      complete();
    }

    @Override
    public void onError(Throwable t) {
      complete();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      complete();
    }

    @Override
    public void onError(AsyncEvent event) {
      complete();
    }

    @Override
    public void onComplete(AsyncEvent event) {
      done.set(true);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // not started again
    }

    private void complete() {
      if (done.compareAndSet(false, true)) {
        try {
          async.complete();
        } catch (IllegalStateException alreadyOver) {
          // completed by the container meanwhile
        }
      }
    }
  }
}
