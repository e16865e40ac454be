package dev.greenroom.backend.test;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.ReadUrlOptions;
import dev.greenroom.backend.api.services.ReadUrlResponse;
import dev.greenroom.backend.api.services.UrlReaderService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code core.urlReader} that serves the files a test gives it and nothing else (no network):
 * any other URL is a {@code NotFoundError}. The URLs read are kept in {@link #reads()}.
 */
public final class MockUrlReader implements UrlReaderService {
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<String> reads = new CopyOnWriteArrayList<>();

  /** @param files URL to UTF-8 content */
  public MockUrlReader(Map<String, String> files) {
    files.forEach((url, text) -> this.files.put(url, text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Serves {@code content} at {@code url} from now on. */
  public MockUrlReader put(String url, byte[] content) {
    files.put(url, content.clone());
    return this;
  }

  /** The URLs read so far, in order. */
  public List<String> reads() {
    return List.copyOf(reads);
  }

  @Override
  public ReadUrlResponse readUrl(String url, ReadUrlOptions options) {
    reads.add(url);
    byte[] content = files.get(url);
    if (content == null) {
      throw new NotFoundError("No mock file at " + url);
    }
    return new ReadUrlResponse(content.clone(), null, null);
  }
}
