package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.router.Router;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Backstage's compression middleware over real Jetty: what is gzipped and what is left alone. */
@Timeout(60)
class CompressionTest {
  private static final String BIG_TEXT = "Greenroom ".repeat(300); // 3000 bytes
  private static final byte[] PNG = new byte[4096];
  private static HttpBackend http;
  private static TestBackend backend;

  @BeforeAll
  static void start() {
    http = new HttpBackend();
    http.builder.add(BackendPlugin.create("z", env -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), deps -> {
      HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/"));
      router.use(Router.create()
          .get("/big", req -> Map.of("text", BIG_TEXT))
          .get("/small", req -> Map.of("text", "short"))
          .get("/missing", req -> {
            throw new NotFoundError("No such thing");
          })
          .build());
      router.use(new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          switch (req.getPathInfo()) {
            case "/writer" -> {
              resp.setContentType("text/plain; charset=utf-8");
              resp.getWriter().write(BIG_TEXT);
            }
            case "/png" -> {
              resp.setContentType("image/png");
              resp.getOutputStream().write(PNG);
            }
            case "/no-transform" -> {
              resp.setContentType("text/plain");
              resp.setHeader("Cache-Control", "no-transform");
              resp.getOutputStream().write(BIG_TEXT.getBytes(StandardCharsets.UTF_8));
            }
            case "/stream" -> {
              resp.setContentType("text/event-stream");
              ServletOutputStream out = resp.getOutputStream();
              out.write("data: 1\n\n".getBytes(StandardCharsets.UTF_8));
              out.flush();
              out.write("data: 2\n\n".getBytes(StandardCharsets.UTF_8));
            }
            case "/committed" -> {
              resp.setContentType("text/plain");
              resp.flushBuffer(); // headers gone before any byte: no Content-Encoding possible
              resp.getOutputStream().write(BIG_TEXT.getBytes(StandardCharsets.UTF_8));
            }
            case "/small-writer" -> {
              resp.setContentType("text/plain");
              resp.getWriter().write("short"); // no length: held to the end, then sent as is
            }
            case "/fails" -> {
              resp.setContentType("text/plain");
              resp.getOutputStream().write(BIG_TEXT.getBytes(StandardCharsets.UTF_8)); // compressing
              throw new IllegalStateException("broke halfway");
            }
            case "/async" -> {
              AsyncContext async = req.startAsync();
              ServletOutputStream out = resp.getOutputStream();
              resp.setContentType("text/plain");
              out.setWriteListener(new WriteListener() {
                @Override
                public void onWritePossible() throws IOException {
                  out.write(BIG_TEXT.getBytes(StandardCharsets.UTF_8));
                  async.complete();
                }

                @Override
                public void onError(Throwable t) {
                  async.complete();
                }
              });
            }
            default -> resp.setStatus(404);
          }
        }
      });
    })));
    backend = http.builder.start();
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HttpClientHolder.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Optional<String> header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name);
  }

  @Test
  void bigJsonIsGzippedForClientsThatAcceptIt() throws Exception {
    HttpResponse<byte[]> zipped = get("/api/z/big", "Accept-Encoding", "br, gzip;q=0.8");
    HttpResponse<byte[]> plain = get("/api/z/big");

    assertEquals(Optional.of("gzip"), header(zipped, "Content-Encoding"));
    assertTrue(header(zipped, "Vary").orElse("").contains("Accept-Encoding"));
    assertEquals(new String(plain.body(), StandardCharsets.UTF_8), gunzip(zipped.body()));
    assertTrue(zipped.body().length < plain.body().length / 10, zipped.body().length + " bytes");
    assertEquals(Optional.empty(), header(plain, "Content-Encoding"));
    assertEquals(Optional.of(Integer.toString(plain.body().length)), header(plain, "Content-Length"));
  }

  @Test
  void smallBodiesErrorsAndIncompressibleTypesAreSentAsTheyAre() throws Exception {
    HttpResponse<byte[]> small = get("/api/z/small", "Accept-Encoding", "gzip");
    assertEquals(Optional.empty(), header(small, "Content-Encoding"));
    assertEquals("{\"text\":\"short\"}", new String(small.body(), StandardCharsets.UTF_8));
    assertEquals(Optional.of("16"), header(small, "Content-Length"));

    HttpResponse<byte[]> missing = get("/api/z/missing", "Accept-Encoding", "gzip");
    assertEquals(404, missing.statusCode());
    assertEquals(Optional.empty(), header(missing, "Content-Encoding"));
    assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("No such thing"));

    HttpResponse<byte[]> png = get("/api/z/png", "Accept-Encoding", "gzip");
    assertEquals(Optional.empty(), header(png, "Content-Encoding"));
    assertArrayEquals(PNG, png.body());

    HttpResponse<byte[]> noTransform = get("/api/z/no-transform", "Accept-Encoding", "gzip");
    assertEquals(Optional.empty(), header(noTransform, "Content-Encoding"));
    assertEquals(BIG_TEXT, new String(noTransform.body(), StandardCharsets.UTF_8));

    HttpResponse<byte[]> committed = get("/api/z/committed", "Accept-Encoding", "gzip");
    assertEquals(Optional.empty(), header(committed, "Content-Encoding"));
    assertEquals(BIG_TEXT, new String(committed.body(), StandardCharsets.UTF_8));

    HttpResponse<byte[]> refused = get("/api/z/big", "Accept-Encoding", "gzip;q=0, identity");
    assertEquals(Optional.empty(), header(refused, "Content-Encoding"));
  }

  @Test
  void aWriterWithoutLengthAndAFlushedStreamAreGzipped() throws Exception {
    HttpResponse<byte[]> writer = get("/api/z/writer", "Accept-Encoding", "gzip");
    assertEquals(Optional.of("gzip"), header(writer, "Content-Encoding"));
    assertEquals(BIG_TEXT, gunzip(writer.body()));

    HttpResponse<byte[]> stream = get("/api/z/stream", "Accept-Encoding", "gzip");
    assertEquals(Optional.of("gzip"), header(stream, "Content-Encoding"));
    assertEquals("data: 1\n\ndata: 2\n\n", gunzip(stream.body()));
  }

  @Test
  void aSmallWriterBodyIsSentAsItIsWithItsLength() throws Exception {
    HttpResponse<byte[]> small = get("/api/z/small-writer", "Accept-Encoding", "gzip");
    assertEquals(Optional.empty(), header(small, "Content-Encoding"));
    assertEquals("short", new String(small.body(), StandardCharsets.UTF_8));
    assertEquals(Optional.of("5"), header(small, "Content-Length"));
  }

  @Test
  void anErrorAfterCompressionStartedAnswersThePlainErrorBody() throws Exception {
    HttpResponse<byte[]> failed = get("/api/z/fails", "Accept-Encoding", "gzip");
    assertEquals(500, failed.statusCode());
    assertEquals(Optional.empty(), header(failed, "Content-Encoding"));
    assertTrue(new String(failed.body(), StandardCharsets.UTF_8).startsWith("{\"error\":{"),
        new String(failed.body(), StandardCharsets.UTF_8));
  }

  @Test
  void nonBlockingWritesGoOutUncompressed() throws Exception {
    HttpResponse<byte[]> async = get("/api/z/async", "Accept-Encoding", "gzip");
    assertEquals(200, async.statusCode());
    assertEquals(Optional.empty(), header(async, "Content-Encoding"));
    assertEquals(BIG_TEXT, new String(async.body(), StandardCharsets.UTF_8));
  }

  @Test
  void headRequestsAreNeverWrapped() throws Exception {
    HttpResponse<byte[]> head = HttpClientHolder.CLIENT.send(
        HttpRequest.newBuilder(http.uri("/api/z/big")).method("HEAD", HttpRequest.BodyPublishers.noBody())
            .header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, head.statusCode());
    assertEquals(Optional.empty(), header(head, "Content-Encoding"));
  }

  private static final class HttpClientHolder {
    static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();
  }

}
