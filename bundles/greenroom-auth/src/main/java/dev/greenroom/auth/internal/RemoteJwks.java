package dev.greenroom.auth.internal;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remote JWK sets by URL, each cached by nimbus (keys kept for 5 minutes, refetched on an unknown
 * {@code kid}, refetches rate-limited). Shared by the plugins of one backend instance.
 */
public final class RemoteJwks {
  private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

  /** The cached key source for {@code url}. */
  public JWKSource<SecurityContext> at(String url) {
    return sources.computeIfAbsent(url, RemoteJwks::create);
  }

  private static JWKSource<SecurityContext> create(String url) {
    try {
      return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL()).retrying(false).build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid JWKS URL '" + url + "'", e);
    }
  }
}
