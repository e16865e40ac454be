package dev.greenroom.http.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a handler sees. Turns its {@code sendError(404)} into a plain, still uncommitted 404
 * status, and can forget what it did (Express's {@code next()}), keeping the headers the chain
 * set before it. Those headers are copied only when the handler is about to change the response
 * beyond its status, so a handler that answers, the usual case, costs no copy.
 */
final class PassOnResponse extends HttpServletResponseWrapper {
  private final HttpServletResponse response;
  private List<Map.Entry<String, String>> chainHeaders;

  PassOnResponse(HttpServletResponse response) {
    super(response);
    this.response = response;
  }

  /** Undoes this handler's 404: its status, and its headers and body if it touched them. */
  void forget() {
    if (chainHeaders == null) {
      response.setStatus(200);
      return;
    }
    response.reset();
    chainHeaders.forEach(h -> response.addHeader(h.getKey(), h.getValue()));
  }

  private void touching() {
    if (chainHeaders == null) {
      List<Map.Entry<String, String>> out = new ArrayList<>();
      for (String name : response.getHeaderNames()) {
        for (String value : response.getHeaders(name)) {
          out.add(Map.entry(name, value));
        }
      }
      chainHeaders = out;
    }
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    if (sc == 404 && !isCommitted()) {
      setStatus(404);
      return;
    }
    touching();
    super.sendError(sc, msg);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    touching();
    super.sendRedirect(location);
  }

  @Override
  public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
    touching();
    super.sendRedirect(location, sc, clearBuffer);
  }

  @Override
  public void addCookie(Cookie cookie) {
    touching();
    super.addCookie(cookie);
  }

  @Override
  public void setHeader(String name, String value) {
    touching();
    super.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    touching();
    super.addHeader(name, value);
  }

  @Override
  public void setDateHeader(String name, long date) {
    touching();
    super.setDateHeader(name, date);
  }

  @Override
  public void addDateHeader(String name, long date) {
    touching();
    super.addDateHeader(name, date);
  }

  @Override
  public void setIntHeader(String name, int value) {
    touching();
    super.setIntHeader(name, value);
  }

  @Override
  public void addIntHeader(String name, int value) {
    touching();
    super.addIntHeader(name, value);
  }

  @Override
  public void setTrailerFields(Supplier<Map<String, String>> supplier) {
    touching();
    super.setTrailerFields(supplier);
  }

  @Override
  public void setContentType(String type) {
    touching();
    super.setContentType(type);
  }

  @Override
  public void setCharacterEncoding(String charset) {
    touching();
    super.setCharacterEncoding(charset);
  }

  @Override
  public void setCharacterEncoding(Charset charset) {
    touching();
    super.setCharacterEncoding(charset);
  }

  @Override
  public void setContentLength(int len) {
    touching();
    super.setContentLength(len);
  }

  @Override
  public void setContentLengthLong(long len) {
    touching();
    super.setContentLengthLong(len);
  }

  @Override
  public void setLocale(Locale locale) {
    touching();
    super.setLocale(locale);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    touching();
    return super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    touching();
    return super.getWriter();
  }

  @Override
  public void setBufferSize(int size) {
    touching();
    super.setBufferSize(size);
  }

  @Override
  public void flushBuffer() throws IOException {
    touching();
    super.flushBuffer();
  }

  @Override
  public void reset() {
    touching();
    super.reset();
  }

  @Override
  public void resetBuffer() {
    touching();
    super.resetBuffer();
  }
}
