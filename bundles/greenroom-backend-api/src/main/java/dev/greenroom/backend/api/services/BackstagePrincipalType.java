package dev.greenroom.backend.api.services;

/**
 * The kinds of {@link BackstagePrincipal}, used to say which kinds a call accepts (see {@link
 * HttpAuthService#credentials}). Backstage's keys of {@code BackstagePrincipalTypes}, minus {@code
 * unknown}, which in Java is simply "any".
 */
public enum BackstagePrincipalType {
  USER("user"),
  SERVICE("service"),
  NONE("none");

  private final String value;

  BackstagePrincipalType(String value) {
    this.value = value;
  }

  /** Backstage's spelling: {@code user}, {@code service} or {@code none}. */
  public String value() {
    return value;
  }
}
