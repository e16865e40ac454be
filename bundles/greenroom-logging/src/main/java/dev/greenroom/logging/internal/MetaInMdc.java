package dev.greenroom.logging.internal;

/**
 * Whether log lines put their meta into the MDC. Greenroom's pretty pattern does not read the MDC
 * (the meta is appended to the message), so there the per-line MDC work is skipped; the JSON layout
 * and any layout a user configures may read it ({@code %X{plugin}}), so there it is done. Follows
 * the pax-logging configuration as it changes, since a user's {@code .cfg} can replace Greenroom's
 * at any time.
 */
public final class MetaInMdc {
  private final LogFormat format;
  private volatile boolean on;

  public MetaInMdc(LogFormat format, boolean greenroomsLayout) {
    this.format = format;
    layoutChanged(greenroomsLayout);
  }

  /** The logging configuration is now Greenroom's own ({@code true}) or someone else's. */
  public void layoutChanged(boolean greenroomsLayout) {
    on = format == LogFormat.JSON || !greenroomsLayout;
  }

  public boolean on() {
    return on;
  }
}
