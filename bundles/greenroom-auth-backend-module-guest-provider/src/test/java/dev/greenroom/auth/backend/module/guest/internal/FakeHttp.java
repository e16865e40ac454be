package dev.greenroom.auth.backend.module.guest.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal servlet request (query parameters) and a recording response; anything else throws. */
final class FakeHttp {
  private FakeHttp() {}

  static HttpServletRequest request(Map<String, String> params) {
    return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getParameter" -> params.get((String) args[0]);
          case "getQueryString" -> null;
          case "getHeader" -> null;
          case "getCookies" -> null;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  static final class Recorded {
    int status = 200;
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    String header(String name) {
      List<String> v = headers.get(name);
      return v == null ? null : v.get(0);
    }

    String body() {
      return body.toString(StandardCharsets.UTF_8);
    }

    HttpServletResponse response() {
      ServletOutputStream out = new ServletOutputStream() {
        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener l) {}
        @Override public void write(int b) { body.write(b); }
      };
      return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "setStatus" -> status = (Integer) args[0];
              case "setHeader" -> headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
              case "addHeader" -> headers.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
              case "setContentType" -> headers.put("Content-Type", new ArrayList<>(List.of((String) args[0])));
              case "setContentLength" -> { }
              case "getOutputStream" -> { return out; }
              case "isCommitted" -> { return false; }
              default -> throw new UnsupportedOperationException(method.getName());
            }
            return null;
          });
    }
  }
}
