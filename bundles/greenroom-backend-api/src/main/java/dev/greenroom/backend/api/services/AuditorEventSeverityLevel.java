package dev.greenroom.backend.api.services;

/** How sensitive an audited action is. Backstage's {@code AuditorEventSeverityLevel}. */
public enum AuditorEventSeverityLevel {
  /** Normal use (the default); logged at debug level unless configured otherwise. */
  LOW("low"),
  /** Access to write endpoints. */
  MEDIUM("medium"),
  /** Non-root permission changes. */
  HIGH("high"),
  /** Root permission changes. */
  CRITICAL("critical");

  private final String value;

  AuditorEventSeverityLevel(String value) {
    this.value = value;
  }

  /** Backstage's spelling: {@code low}, {@code medium}, {@code high} or {@code critical}. */
  public String value() {
    return value;
  }
}
