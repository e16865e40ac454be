package dev.greenroom.auth.internal.external;

/** One kind of external access token ({@code static}, {@code legacy}, {@code jwks}). */
interface TokenHandler {
  /** The match for {@code token}, or null when it is not one of this handler's tokens. */
  ExternalTokenResult verifyToken(String token);
}
