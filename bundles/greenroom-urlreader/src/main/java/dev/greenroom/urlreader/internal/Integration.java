package dev.greenroom.urlreader.internal;

import java.net.URI;

/**
 * One configured integration ({@code integrations.github[i]} or {@code integrations.gitlab[i]}):
 * the host its URLs name, the API base and the token. Upstream: packages/integration/src/github/config.ts
 * and gitlab/config.ts.
 */
record Integration(String host, URI apiBaseUrl, String token) {
  boolean takes(URI url) {
    String scheme = url.getScheme();
    return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
        && host.equalsIgnoreCase(url.getRawAuthority());
  }

  @Override
  public String toString() {
    return "Integration[host=" + host + ", apiBaseUrl=" + apiBaseUrl + ", token=" + (token == null ? null : "<redacted>") + "]";
  }
}
