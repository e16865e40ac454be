package dev.greenroom.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty server's error handler (the embedded Jetty's; for Pax Web's server it would have to be
 * set in its server configuration): a request Jetty refuses before any context (an ambiguous or
 * unparsable URI, a bad header) gets Backstage's JSON error body with the security headers instead
 * of Jetty's HTML page ({@link ContainerErrors}).
 */
public final class ContainerErrorHandler extends ErrorHandler {
  private final RootDispatcher dispatcher;

  public ContainerErrorHandler(RootDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback)
      throws IOException {
    ContainerErrors.Answer answer = dispatcher.containerError(
        code, message, request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery());
    response.setStatus(answer.status());
    response.getHeaders().remove(HttpHeader.CACHE_CONTROL);
    answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }
}
