package dev.greenroom.backend.runtime.state;

/**
 * A file in the hot-deploy folder that is not in use: {@code file} is its path, {@code code} what
 * kind of problem it is, {@code bundle} the bundle it is about ({@code <bsn> <version> [<id>]}
 * when installed, {@code <bsn> <version>} when refused, null for a corrupt jar), {@code
 * requirement} the missing requirement of an {@link ReasonCode#UNRESOLVED} bundle (else null),
 * {@code message} the same text as the log line, {@code at} epoch millis when it was first seen.
 */
public record DeployProblemDTO(String file, ReasonCode code, String bundle, String requirement, String message, long at) {
  /**
   * The 0.2 shape, kept so that code constructing it still compiles and links; {@code code},
   * {@code bundle} and {@code requirement} are null.
   *
   * @deprecated use the canonical constructor
   */
  @Deprecated
  public DeployProblemDTO(String file, String message, long at) {
    this(file, null, null, null, message, at);
  }

  /** What is wrong with the file. */
  public enum ReasonCode {
    /** Not readable as a jar (half-copied, truncated); FileInstall retries it when it changes. */
    CORRUPT_JAR,
    /** The symbolic name and version of a bundle already installed from another file: refused. */
    DUPLICATE_BUNDLE,
    /** Installed, but the framework cannot resolve it: {@code requirement} names what is missing. */
    UNRESOLVED,
    /**
     * A configuration file for a core service (Pax Web's {@code org.ops4j.pax.web.cfg}) with a value
     * that would stop the service: refused, the running configuration is kept.
     */
    INVALID_CONFIG
  }
}
