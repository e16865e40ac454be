package dev.greenroom.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal servlet request and response for unit tests of core.httpAuth: headers, cookies,
 * attributes, and the response's Set-Cookie headers. Anything else throws, so a test notices.
 */
final class FakeHttp {
  private FakeHttp() {}

  static HttpServletRequest request(String authorization, String cookie) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                  case "getCookies" -> cookie == null ? null : new Cookie[] {new Cookie("backstage-auth", cookie)};
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "FakeRequest";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** A response recording added headers; {@code committed} as given. */
  static final class Response {
    final List<String> setCookies = new ArrayList<>();
    final HttpServletResponse servlet;

    Response(boolean committed) {
      servlet =
          (HttpServletResponse)
              Proxy.newProxyInstance(
                  FakeHttp.class.getClassLoader(),
                  new Class<?>[] {HttpServletResponse.class},
                  (proxy, method, args) ->
                      switch (method.getName()) {
                        case "isCommitted" -> committed;
                        case "addHeader" -> {
                          if ("Set-Cookie".equals(args[0])) {
                            setCookies.add((String) args[1]);
                          }
                          yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FakeResponse";
                        default -> throw new UnsupportedOperationException(method.getName());
                      });
    }
  }
}
