package dev.greenroom.urlreader.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/**
 * GitHub and GitHub Enterprise ({@code integrations.github}): files through the contents API
 * ({@code Accept: application/vnd.github.v3.raw}), trees as the zipball of the commit. Upstream:
 * packages/backend-defaults/src/entrypoints/urlReader/lib/GithubUrlReader.ts (which reads tarballs).
 */
final class GithubUrlReader extends RepoReader {
  GithubUrlReader(Http http, Integration integration) {
    super(http, integration);
  }

  @Override
  RepoUrl parse(URI url) {
    return RepoUrl.github(url);
  }

  @Override
  URI fileApi(RepoUrl repo) {
    return URI.create(api() + "/repos/" + repo.project() + "/contents/" + encPath(repo.path()) + "?ref=" + enc(repo.ref()));
  }

  @Override
  URI commitApi(RepoUrl repo) {
    return URI.create(api() + "/repos/" + repo.project() + "/commits/" + enc(repo.ref()));
  }

  @Override
  String shaOf(JsonNode commit) {
    return commit.path("sha").asText(null);
  }

  @Override
  URI archiveApi(RepoUrl repo, String sha) {
    return URI.create(api() + "/repos/" + repo.project() + "/zipball/" + sha);
  }

  @Override
  Map<String, String> auth(String token) {
    return Map.of("Authorization", "token " + token);
  }

  @Override
  Map<String, String> fileHeaders() {
    return Map.of("Accept", "application/vnd.github.v3.raw");
  }

  @Override
  String webDash() {
    return "";
  }

  @Override
  boolean mayFollow(URI next) {
    String host = next.getHost() == null ? "" : next.getHost();
    return host.equalsIgnoreCase(integration.apiBaseUrl().getHost())
        || host.equalsIgnoreCase("codeload." + hostName());
  }

  private String hostName() {
    int colon = integration.host().indexOf(':');
    return colon < 0 ? integration.host() : integration.host().substring(0, colon);
  }

  private String api() {
    String s = integration.apiBaseUrl().toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String encPath(String path) {
    StringBuilder out = new StringBuilder();
    for (String seg : path.split("/")) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(enc(seg));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "github{host=" + integration.host() + ",authed=" + (integration.token() != null) + "}";
  }
}
