package dev.greenroom.backend.test;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.ReadTreeOptions;
import dev.greenroom.backend.api.services.ReadTreeResponse;
import dev.greenroom.backend.api.services.ReadUrlOptions;
import dev.greenroom.backend.api.services.ReadUrlResponse;
import dev.greenroom.backend.api.services.SearchOptions;
import dev.greenroom.backend.api.services.SearchResponse;
import dev.greenroom.backend.api.services.UrlReaderService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code core.urlReader} that serves the files a test gives it and nothing else (no network):
 * any other URL is a {@code NotFoundError}. A tree is the files whose URLs start with the tree's
 * URL and a slash; a search matches a glob ({@code **}, {@code *}, {@code ?}) against the file
 * URLs. The URLs read are kept in {@link #reads()}.
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

  @Override
  public ReadTreeResponse readTree(String url, ReadTreeOptions options) {
    reads.add(url);
    String prefix = url.endsWith("/") ? url : url + "/";
    List<ReadTreeResponse.File> out = new ArrayList<>();
    files.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> {
          String path = e.getKey().substring(prefix.length());
          if (options == null || options.filter() == null || options.filter().test(path, (long) e.getValue().length)) {
            out.add(new ReadTreeResponse.File(path, e.getValue().clone(), null));
          }
        });
    if (out.isEmpty()) {
      throw new NotFoundError("No mock tree at " + url);
    }
    return new ReadTreeResponse(out, "mock");
  }

  @Override
  public SearchResponse search(String url, SearchOptions options) {
    reads.add(url);
    java.util.regex.Pattern glob = java.util.regex.Pattern.compile(globToRegex(url));
    List<SearchResponse.File> out = new ArrayList<>();
    files.entrySet().stream()
        .filter(e -> glob.matcher(e.getKey()).matches())
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(new SearchResponse.File(e.getKey(), e.getValue().clone(), null)));
    return new SearchResponse(out, "mock");
  }

  private static String globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 2;
      } else if (glob.startsWith("**", i)) {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
