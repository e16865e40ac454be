package dev.greenroom.auth.internal.external;

import dev.greenroom.backend.api.services.Config;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code type: static}: fixed tokens, each with a subject. Backstage's StaticTokenHandler. */
final class StaticTokenHandler implements TokenHandler {
  static final int MIN_TOKEN_LENGTH = 8;
  private static final Pattern NON_SPACE = Pattern.compile("^\\S+$");

  private final Map<String, ExternalTokenResult> entries = new HashMap<>();

  StaticTokenHandler add(Config config, String entryKey) {
    String token = config.getString("options.token");
    String subject = config.getString("options.subject");
    var restrictions = AccessRestrictionsReader.read(config, entryKey);
    if (!NON_SPACE.matcher(token).matches()) {
      throw new ExternalAccessConfigError(
          "Illegal token, must be a set of non-space characters", entryKey + ".options.token");
    } else if (token.length() < MIN_TOKEN_LENGTH) {
      throw new ExternalAccessConfigError(
          "Illegal token, must be at least " + MIN_TOKEN_LENGTH + " characters length",
          entryKey + ".options.token");
    } else if (!NON_SPACE.matcher(subject).matches()) {
      throw new ExternalAccessConfigError(
          "Illegal subject, must be a set of non-space characters", entryKey + ".options.subject");
    } else if (entries.containsKey(token)) {
      throw new ExternalAccessConfigError(
          "Static externalAccess token was declared more than once", entryKey + ".options.token");
    }
    entries.put(token, new ExternalTokenResult(subject, restrictions));
    return this;
  }

  @Override
  public ExternalTokenResult verifyToken(String token) {
    return entries.get(token);
  }
}
