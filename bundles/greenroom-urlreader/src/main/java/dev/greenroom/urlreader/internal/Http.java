package dev.greenroom.urlreader.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The readers' HTTP client (java.net.http: no extra bundle). Redirects are followed by hand and
 * only to URLs the same reader may read, so an allowed host cannot bounce a read to one that is
 * not (node's fetch, which upstream uses, follows any redirect). Bodies are bounded.
 */
final class Http {
  /** Largest body read, file or archive: a bound against a hostile or broken server. */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  private static final int MAX_REDIRECTS = 5;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  /** One answer: status, headers and the whole body. */
  record Answer(int status, Map<String, java.util.List<String>> headers, byte[] body, URI uri) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst();
    }

    Instant lastModified() {
      return header("last-modified").map(Http::parseDate).orElse(null);
    }
  }

  Answer get(URI uri, Map<String, String> headers, Predicate<URI> mayFollow) {
    URI current = uri;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(60)).GET();
      headers.forEach(request::header);
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new IllegalStateException("Unable to read " + uri + ", " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Unable to read " + uri + ", interrupted", e);
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        closeQuietly(response.body());
        Optional<String> location = response.headers().firstValue("location");
        if (location.isEmpty() || hop >= MAX_REDIRECTS) {
          throw new IllegalStateException("Unable to read " + uri + ", too many or invalid redirects");
        }
        URI next = current.resolve(location.get());
        if (!mayFollow.test(next)) {
          throw new dev.greenroom.backend.api.errors.NotAllowedError(
              "Reading from '" + uri + "' redirected to '" + next + "', which is not allowed");
        }
        current = next;
        continue;
      }
      return new Answer(status, response.headers().map(), readBounded(response.body(), uri), current);
    }
  }

  private static byte[] readBounded(InputStream in, URI uri) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > MAX_BYTES) {
          throw new IllegalStateException("Unable to read " + uri + ", larger than " + MAX_BYTES + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("Unable to read " + uri + ", " + e, e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the redirect's body is not needed
    }
  }

  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  static Instant parseDate(String value) {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
