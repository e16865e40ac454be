package dev.greenroom.urlreader.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/**
 * GitLab ({@code integrations.gitlab}): files through the repository files API ({@code
 * /projects/<id>/repository/files/<path>/raw}), trees as the commit's {@code archive.zip}. Upstream:
 * packages/backend-defaults/src/entrypoints/urlReader/lib/GitlabUrlReader.ts.
 */
final class GitlabUrlReader extends RepoReader {
  GitlabUrlReader(Http http, Integration integration) {
    super(http, integration);
  }

  @Override
  RepoUrl parse(URI url) {
    return RepoUrl.gitlab(url);
  }

  @Override
  URI fileApi(RepoUrl repo) {
    return URI.create(project(repo) + "/repository/files/" + enc(repo.path()) + "/raw?ref=" + enc(repo.ref()));
  }

  @Override
  URI commitApi(RepoUrl repo) {
    return URI.create(project(repo) + "/repository/commits/" + enc(repo.ref()));
  }

  @Override
  String shaOf(JsonNode commit) {
    return commit.path("id").asText(null);
  }

  @Override
  URI archiveApi(RepoUrl repo, String sha) {
    String path = repo.path().isEmpty() ? "" : "&path=" + enc(repo.path());
    return URI.create(project(repo) + "/repository/archive.zip?sha=" + enc(sha) + path);
  }

  @Override
  Map<String, String> auth(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  @Override
  String webDash() {
    return "/-";
  }

  @Override
  boolean mayFollow(URI next) {
    return next.getHost() != null && next.getHost().equalsIgnoreCase(integration.apiBaseUrl().getHost());
  }

  private String project(RepoUrl repo) {
    String s = integration.apiBaseUrl().toString();
    return (s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/projects/" + enc(repo.project());
  }

  @Override
  public String toString() {
    return "gitlab{host=" + integration.host() + ",authed=" + (integration.token() != null) + "}";
  }
}
