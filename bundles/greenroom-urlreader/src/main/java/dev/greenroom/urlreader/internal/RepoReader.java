package dev.greenroom.urlreader.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.errors.NotModifiedError;
import dev.greenroom.backend.api.services.ReadTreeOptions;
import dev.greenroom.backend.api.services.ReadTreeResponse;
import dev.greenroom.backend.api.services.ReadUrlOptions;
import dev.greenroom.backend.api.services.ReadUrlResponse;
import dev.greenroom.backend.api.services.SearchOptions;
import dev.greenroom.backend.api.services.SearchResponse;
import dev.greenroom.backend.api.services.UrlReaderService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the GitHub and GitLab readers share: a file through the host's API (conditional on the
 * caller's etag), a tree as the commit's source archive (the commit SHA is the etag, so an
 * unchanged tree costs one small request), a search as a tree read filtered by the glob.
 */
abstract class RepoReader implements UrlReaderService {
  private static final ObjectMapper JSON = new ObjectMapper();
  final Http http;
  final Integration integration;

  RepoReader(Http http, Integration integration) {
    this.http = http;
    this.integration = integration;
  }

  abstract RepoUrl parse(URI url);

  /** The API URL of the raw file. */
  abstract URI fileApi(RepoUrl repo);

  /** The API URL of the commit {@code ref} names; its JSON carries the SHA. */
  abstract URI commitApi(RepoUrl repo);

  /** The SHA field of the commit JSON. */
  abstract String shaOf(JsonNode commit);

  /** The API URL of the source archive (zip) at {@code sha}. */
  abstract URI archiveApi(RepoUrl repo, String sha);

  /** The headers that carry a token. */
  abstract Map<String, String> auth(String token);

  /** The part between project and blob/tree in web URLs ({@code "/-"} on GitLab). */
  abstract String webDash();

  /** Extra headers of a file read (GitHub's raw media type). */
  Map<String, String> fileHeaders() {
    return Map.of();
  }

  /** Where the API may redirect an archive download (codeload.github.com, for one). */
  abstract boolean mayFollow(URI next);

  @Override
  public ReadUrlResponse readUrl(String url, ReadUrlOptions options) {
    RepoUrl repo = parse(URI.create(url));
    Map<String, String> headers = headers(options == null ? null : options.token());
    headers.putAll(fileHeaders());
    if (options != null && options.etag() != null) {
      headers.put("If-None-Match", options.etag());
    }
    if (options != null && options.lastModifiedAfter() != null) {
      headers.put("If-Modified-Since", Http.httpDate(options.lastModifiedAfter()));
    }
    Http.Answer answer = http.get(fileApi(repo), headers, this::mayFollow);
    if (answer.status() == 304) {
      throw new NotModifiedError("");
    }
    if (answer.status() >= 200 && answer.status() < 300) {
      return new ReadUrlResponse(answer.body(), answer.header("etag").orElse(null), answer.lastModified());
    }
    throw HttpStatus.failure(url, answer.status());
  }

  @Override
  public ReadTreeResponse readTree(String url, ReadTreeOptions options) {
    RepoUrl repo = parse(URI.create(url));
    String token = options == null ? null : options.token();
    String sha = sha(repo, url, token);
    if (options != null && sha.equals(options.etag())) {
      throw new NotModifiedError("");
    }
    Http.Answer archive = http.get(archiveApi(repo, sha), headers(token), this::mayFollow);
    if (archive.status() < 200 || archive.status() >= 300) {
      throw HttpStatus.failure(url, archive.status());
    }
    return new ReadTreeResponse(
        ZipTree.files(archive.body(), repo.path(), options == null ? null : options.filter(), url), sha);
  }

  @Override
  public SearchResponse search(String url, SearchOptions options) {
    RepoUrl repo = parse(URI.create(url));
    Glob glob = Glob.split(repo.path());
    String token = options == null ? null : options.token();
    if (!glob.isPattern()) {
      try {
        ReadUrlResponse r = readUrl(url, new ReadUrlOptions(null, null, token));
        return new SearchResponse(List.of(new SearchResponse.File(url, r.content(), r.lastModifiedAt())),
            r.etag() == null ? "" : r.etag());
      } catch (dev.greenroom.backend.api.errors.NotFoundError e) {
        return new SearchResponse(List.of(), "");
      }
    }
    RepoUrl base = new RepoUrl(repo.scheme(), repo.authority(), repo.project(), "tree", repo.ref(), glob.base());
    PathMatcher matcher = glob.matcher();
    String treeUrl = base.fileUrl(webDash(), "").replace("/blob/", "/tree/");
    ReadTreeResponse tree = readTree(treeUrl.endsWith("/") ? treeUrl.substring(0, treeUrl.length() - 1) : treeUrl,
        new ReadTreeOptions(options == null ? null : options.etag(), (path, size) -> matcher.matches(Path.of(path)), token));
    List<SearchResponse.File> files = new ArrayList<>();
    for (ReadTreeResponse.File f : tree.files()) {
      files.add(new SearchResponse.File(base.fileUrl(webDash(), f.path()), f.content(), f.lastModifiedAt()));
    }
    return new SearchResponse(files, tree.etag());
  }

  private String sha(RepoUrl repo, String url, String token) {
    Map<String, String> headers = headers(token);
    headers.put("Accept", "application/json");
    Http.Answer answer = http.get(commitApi(repo), headers, this::mayFollow);
    if (answer.status() < 200 || answer.status() >= 300) {
      throw HttpStatus.failure(url, answer.status());
    }
    try {
      String sha = shaOf(JSON.readTree(answer.body()));
      if (sha == null || sha.isEmpty()) {
        throw new IllegalStateException("Unable to read " + url + ", the commit of '" + repo.ref() + "' has no SHA");
      }
      return sha;
    } catch (IOException e) {
      throw new IllegalStateException("Unable to read " + url + ", invalid commit JSON: " + e.getMessage(), e);
    }
  }

  private Map<String, String> headers(String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    String t = token != null ? token : integration.token();
    if (t != null) {
      headers.putAll(auth(t));
    }
    return headers;
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
