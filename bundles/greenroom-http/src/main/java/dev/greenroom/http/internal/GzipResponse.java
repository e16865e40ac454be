package dev.greenroom.http.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The response a client that accepts gzip gets. The body is held back until it is known whether to
 * compress: at {@value Compression#THRESHOLD} bytes, at a flush (a stream: compressed), or when the
 * request ends (smaller: sent as is, with its length). A declared {@code Content-Length} is kept
 * back too: it is only true of the uncompressed body.
 */
final class GzipResponse extends HttpServletResponseWrapper {
  private final HttpServletResponse response;
  private long declaredLength = -1;
  private Body body;
  private PrintWriter writer;
  /** Set while the request ends: a flush then is the end of the body, not a stream's flush. */
  private boolean ending;

  GzipResponse(HttpServletResponse response) {
    super(response);
    this.response = response;
  }

  /** The request is over: sends what is held back, or ends the compressed stream. */
  void finish() throws IOException {
    ending = true;
    if (writer != null) {
      writer.flush();
    }
    if (body != null) {
      body.finish();
    } else if (declaredLength >= 0 && !response.isCommitted()) {
      response.setContentLengthLong(declaredLength);
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (writer != null) {
      throw new IllegalStateException("getWriter() has already been called");
    }
    return body();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      if (body != null) {
        throw new IllegalStateException("getOutputStream() has already been called");
      }
      String encoding = response.getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      writer = new PrintWriter(new OutputStreamWriter(body(), charset));
    }
    return writer;
  }

  private Body body() {
    if (body == null) {
      body = new Body();
    }
    return body;
  }

  @Override
  public void setContentLength(int len) {
    declaredLength = len;
  }

  @Override
  public void setContentLengthLong(long len) {
    declaredLength = len;
  }

  @Override
  public void setHeader(String name, String value) {
    if (isContentLength(name) && (value == null || isLength(value))) {
      declaredLength = value == null ? -1 : Long.parseLong(value.trim());
    } else {
      super.setHeader(name, value); // a malformed length goes to the container, which refuses it
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (isContentLength(name) && value != null && isLength(value)) {
      declaredLength = Long.parseLong(value.trim());
    } else {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (isContentLength(name)) {
      declaredLength = value;
    } else {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    if (body != null) {
      body.flush();
    }
    super.flushBuffer();
  }

  @Override
  public void resetBuffer() {
    super.resetBuffer();
    forgetBody();
  }

  @Override
  public void reset() {
    super.reset();
    forgetBody();
    declaredLength = -1;
  }

  private void forgetBody() {
    if (body != null && body.compressing && !response.isCommitted()) {
      response.setHeader("Content-Encoding", null);
    }
    body = null;
    writer = null;
  }

  private static boolean isContentLength(String name) {
    return name != null && "content-length".equals(name.toLowerCase(Locale.ROOT));
  }

  private static boolean isLength(String value) {
    String v = value.trim();
    return !v.isEmpty() && v.length() < 19 && v.chars().allMatch(Character::isDigit);
  }

  /** Holds the first bytes back, then writes them (and the rest) gzipped or as they are. */
  private final class Body extends ServletOutputStream {
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(Compression.THRESHOLD);
    private OutputStream target;
    private boolean compressing;
    private boolean finished;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (finished) {
        throw new IOException("response body is closed");
      }
      if (target == null && declaredLength >= 0) {
        decide(declaredLength >= Compression.THRESHOLD);
      }
      if (target != null) {
        target.write(b, off, len);
        return;
      }
      held.write(b, off, len);
      if (held.size() >= Compression.THRESHOLD) {
        decide(true);
      }
    }

    @Override
    public void flush() throws IOException {
      if (target == null && !finished && !ending && held.size() > 0) {
        decide(true); // a stream: flushed before its end, so compressed whatever its size so far
      }
      if (target != null) {
        target.flush();
      }
    }

    @Override
    public void close() throws IOException {
      finish();
    }

    void finish() throws IOException {
      if (finished) {
        return;
      }
      if (target == null) {
        decide(false);
      }
      finished = true;
      if (compressing) {
        ((GZIPOutputStream) target).finish();
      }
      target.flush();
    }

    /** @param bigEnough whether the body reaches the threshold (or is a stream) */
    private void decide(boolean bigEnough) throws IOException {
      boolean compressible = Compression.isCompressible(response.getContentType());
      if (compressible) {
        response.addHeader("Vary", "Accept-Encoding");
      }
      String cacheControl = response.getHeader("Cache-Control");
      int status = response.getStatus();
      compressing = bigEnough && compressible
          && !response.isCommitted() // headers already sent: too late to say Content-Encoding
          && response.getHeader("Content-Encoding") == null
          && (cacheControl == null || !cacheControl.toLowerCase(Locale.ROOT).contains("no-transform"))
          && status != HttpServletResponse.SC_NO_CONTENT && status != HttpServletResponse.SC_NOT_MODIFIED;
      OutputStream out = response.getOutputStream();
      if (compressing) {
        response.setHeader("Content-Encoding", "gzip");
        target = new GZIPOutputStream(out, 8192, true);
      } else {
        if (declaredLength >= 0) {
          response.setContentLengthLong(declaredLength);
        } else if (!bigEnough) {
          response.setContentLengthLong(held.size()); // the whole body is held: its length is known
        }
        target = out;
      }
      held.writeTo(target);
      held.reset();
    }

    @Override
    public boolean isReady() {
      return !(target instanceof ServletOutputStream direct) || direct.isReady();
    }

    /** Non-blocking writes go to the response as they are: the body is not compressed then. */
    @Override
    public void setWriteListener(WriteListener listener) {
      if (compressing) {
        throw new IllegalStateException("non-blocking writes cannot start on a body already being compressed");
      }
      try {
        if (target == null) {
          target = response.getOutputStream();
          held.writeTo(target);
          held.reset();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ((ServletOutputStream) target).setWriteListener(listener);
    }
  }
}
