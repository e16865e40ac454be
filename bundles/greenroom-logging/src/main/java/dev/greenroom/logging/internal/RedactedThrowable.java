package dev.greenroom.logging.internal;

/**
 * A copy of a throwable (and its causes) whose messages went through the {@link Redactor}: an
 * exception message may quote a secret (a JDBC URL with its password, a token). It prints as the
 * original class name, so stack traces read as before.
 */
final class RedactedThrowable extends Throwable {
  private static final long serialVersionUID = 1L;

  private final String originalClassName;

  private RedactedThrowable(String originalClassName, String message, Throwable cause) {
    super(message, cause, false, true);
    this.originalClassName = originalClassName;
  }

  /** {@code error} itself when nothing in its chain holds a secret, else a redacted copy. */
  static Throwable of(Throwable error, Redactor redactor) {
    if (error == null || !needsRedaction(error, redactor, 0)) {
      return error;
    }
    return copy(error, redactor, 0);
  }

  private static boolean needsRedaction(Throwable t, Redactor redactor, int depth) {
    for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
      if (redactor.matches(c.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static Throwable copy(Throwable t, Redactor redactor, int depth) {
    Throwable cause = t.getCause() == null || t.getCause() == t || depth >= 32
        ? null
        : copy(t.getCause(), redactor, depth + 1);
    RedactedThrowable copy =
        new RedactedThrowable(t.getClass().getName(), redactor.redact(t.getMessage()), cause);
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  String originalClassName() {
    return originalClassName;
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClassName : originalClassName + ": " + message;
  }
}
