package dev.greenroom.auth.internal;

/** Backstage's token kinds ({@code tokenTypes} of {@code @backstage/plugin-auth-node}). */
public final class TokenTypes {
  private TokenTypes() {}

  /** {@code typ} of a full user token issued by the auth backend. */
  public static final String USER_TYP = "vnd.backstage.user";

  /** {@code aud} of a user token. */
  public static final String USER_AUD = "backstage";

  /** {@code typ} of a limited user token (the user cookie). */
  public static final String LIMITED_USER_TYP = "vnd.backstage.limited-user";

  /** {@code typ} of a plugin-to-plugin service token. */
  public static final String PLUGIN_TYP = "vnd.backstage.plugin";
}
