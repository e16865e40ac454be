package dev.greenroom.http.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.errors.InputError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** A request matched by a route: its path parameters, query, JSON body and the servlet objects. */
public final class RouteRequest {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final Map<String, String> params;
  private final ObjectMapper mapper;

  RouteRequest(HttpServletRequest request, HttpServletResponse response, Map<String, String> params, ObjectMapper mapper) {
    this.request = request;
    this.response = response;
    this.params = Map.copyOf(params);
    this.mapper = mapper;
  }

  /** The value of path parameter {@code {name}}, decoded. */
  public String param(String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException("No path parameter '" + name + "' in this route");
    }
    return v;
  }

  public Map<String, String> params() {
    return params;
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(request.getParameter(name));
  }

  /**
   * The JSON body as {@code type}.
   *
   * @throws InputError when the body is not valid JSON for {@code type}
   */
  public <T> T body(Class<T> type) {
    try {
      return mapper.readValue(request.getInputStream(), type);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InputError("Invalid JSON body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public HttpServletRequest servletRequest() {
    return request;
  }

  public HttpServletResponse servletResponse() {
    return response;
  }
}
