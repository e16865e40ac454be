package dev.greenroom.http.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * {@code backend.http.maxRequestBodySize}: a declared {@code Content-Length} over the limit is
 * refused before any handler runs; a chunked body fails with the same 413 once it has read past
 * the limit.
 */
public final class BodyLimit {
  public static final String CONFIG_KEY = "backend.http.maxRequestBodySize";
  public static final long DEFAULT = 10L * 1024 * 1024;

  private final long limit;

  public BodyLimit(long limit) {
    this.limit = limit;
  }

  /** @throws PayloadTooLargeError when the declared length is over the limit */
  public HttpServletRequest apply(HttpServletRequest request) {
    if (request.getContentLengthLong() > limit) {
      throw new PayloadTooLargeError();
    }
    return new Limited(request, limit);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String enc = getCharacterEncoding();
      Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
      return new BufferedReader(new InputStreamReader(getInputStream(), cs));
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    private int count(int n) {
      if (n > 0) {
        read += n;
        if (read > limit) {
          throw new PayloadTooLargeError();
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return count(in.read(b, off, len));
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
