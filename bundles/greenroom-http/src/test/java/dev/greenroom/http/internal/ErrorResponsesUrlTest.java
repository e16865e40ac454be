package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponsesUrlTest {
  /** A request with these answers; {@code getServletPath}/{@code getPathInfo} throw when {@code ambiguous}. */
  private static HttpServletRequest request(String uri, String query, String servletPath, boolean ambiguous) {
    Map<String, Object> answers = new java.util.HashMap<>();
    answers.put("getRequestURI", uri);
    answers.put("getQueryString", query);
    answers.put("getContextPath", "");
    answers.put("getServletPath", servletPath);
    return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
          if (ambiguous && (method.getName().equals("getServletPath") || method.getName().equals("getPathInfo"))) {
            // what Jetty ee10's ServletApiRequest.AmbiguousURI does
            throw new IllegalArgumentException("400: Ambiguous URI encoding: AMBIGUOUS_PATH_SEPARATOR");
          }
          return answers.get(method.getName());
        });
  }

  @Test
  void aPluginsErrorShowsThePathBelowItsMount() {
    assertEquals("/items/42?access_token=***",
        ErrorResponses.urlOf(request("/api/p0/items/42", "access_token=s3cret", "/api/p0", false)));
  }

  /** Jetty let an ambiguous path through to the path guard (runtime.jar): the raw URI, query masked. */
  @Test
  void anAmbiguousPathShowsTheRawUri() {
    assertEquals("/api/p0/a%2Fb?access_token=***",
        ErrorResponses.urlOf(request("/api/p0/a%2Fb", "access_token=s3cret", null, true)));
  }
}
