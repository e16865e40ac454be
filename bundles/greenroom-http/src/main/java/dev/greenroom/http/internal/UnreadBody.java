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
 * credentials barrier, a plugin's 403 or 404, a 413.
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
 * them. A body declared larger than the limit, one of unknown length, or one the handler read as
 * text ends the connection, and the answer says so with {@code Connection: close} (RFC 9112
 * section 9.6).
 */
final class UnreadBody {
  /** At most this much of a refused body is read to keep its connection. */
  static final long LIMIT = 1L << 20;
  /** A client that has not sent the rest of its body by then loses the connection. */
  static final long TIMEOUT_MS = 10_000;

  private UnreadBody() {}

  /**
   * Before an answer is written: whether {@link #discardAfter} should read the rest of the body
   * once the answer is out. Says {@code Connection: close} when the connection cannot stay.
   */
  static boolean beforeAnswer(HttpServletRequest request, HttpServletResponse response) {
    long length = request.getContentLengthLong();
    boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
    if ((length <= 0 && !chunked) || response.isCommitted()) {
      return false;
    }
    ServletInputStream in;
    try {
      in = request.getInputStream();
      if (in.isFinished()) {
        return false;
      }
    } catch (IllegalStateException | IOException readAsText) {
      // getReader() was used: unknown how far, and no listener can be set on it
      response.setHeader("Connection", "close");
      return false;
    }
    boolean canDiscard = request.isAsyncSupported() && !request.isAsyncStarted();
    if (!canDiscard || chunked || length > LIMIT) {
      response.setHeader("Connection", "close");
    }
    return canDiscard && length <= LIMIT;
  }

  /**
   * After the answer was written: finishes it (the client has it now) and reads the rest of the
   * body asynchronously. If anything stands in the way the connection simply closes, as Jetty
   * would have closed it.
   */
  static void discardAfter(HttpServletRequest request, HttpServletResponse response) {
    try {
      response.getOutputStream().close();
      AsyncContext async = request.startAsync();
      async.setTimeout(TIMEOUT_MS);
      Discarding discarding = new Discarding(request.getInputStream(), async);
      async.addListener(discarding);
      discarding.in.setReadListener(discarding);
    } catch (IllegalStateException | IOException e) {
      // the answer is out either way; Jetty closes the connection
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
