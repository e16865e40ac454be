package dev.greenroom.logging.internal;

/**
 * Whether and how log lines put their meta into the MDC. Greenroom's pretty pattern does not read
 * the MDC (the meta is appended to the message), so there the per-line MDC work is skipped.
 * Greenroom's JSON layout reads one entry holding the meta as JSON fields ({@link #fields()}). A
 * layout a user configures may read each field ({@code %X{plugin}}, {@link #keys()}). Follows the
 * pax-logging configuration as it changes, since a user's {@code .cfg} can replace Greenroom's at
 * any time.
 */
public final class MetaInMdc {
  private final LogFormat format;
  private volatile boolean greenroomsLayout;

  public MetaInMdc(LogFormat format, boolean greenroomsLayout) {
    this.format = format;
    layoutChanged(greenroomsLayout);
  }

  /** The logging configuration is now Greenroom's own ({@code true}) or someone else's. */
  public void layoutChanged(boolean greenroomsLayout) {
    this.greenroomsLayout = greenroomsLayout;
  }

  /** Whether a line touches the MDC at all. */
  public boolean on() {
    return fields() || keys();
  }

  /** Greenroom's JSON layout: the meta goes in as one entry of JSON fields. */
  public boolean fields() {
    return format == LogFormat.JSON && greenroomsLayout;
  }

  /** A user's layout: each meta field is an MDC entry of its own. */
  public boolean keys() {
    return !greenroomsLayout;
  }
}
