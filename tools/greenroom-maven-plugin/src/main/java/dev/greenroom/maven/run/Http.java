package dev.greenroom.maven.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** One GET without credentials, bounded (2 s to connect, 10 s to read); a connection failure is status -1. */
final class Http {
  record Answer(int status, String body) {}

  private Http() {}

  static Answer get(URI url) {
    try {
      HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(10_000);
      int status = c.getResponseCode();
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(status, body);
    } catch (IOException e) {
      return new Answer(-1, e.toString());
    }
  }
}
