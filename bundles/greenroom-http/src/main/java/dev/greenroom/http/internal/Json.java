package dev.greenroom.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes JSON answers. One mapper for the framework's own bodies (errors, health, JWKS). */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** As Express's {@code res.json}: with a weak ETag, and 304 for a fresh GET/HEAD ({@link ETags}). */
  public static void write(HttpServletRequest request, HttpServletResponse response, int status, Object body)
      throws IOException {
    ETags.writeJson(request, response, status, MAPPER.writeValueAsBytes(body));
  }
}
