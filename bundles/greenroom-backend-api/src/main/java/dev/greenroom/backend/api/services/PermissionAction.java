package dev.greenroom.backend.api.services;

/** The action a {@link Permission} guards. Backstage's {@code PermissionAttributes.action}. */
public enum PermissionAction {
  CREATE("create"),
  READ("read"),
  UPDATE("update"),
  DELETE("delete");

  private final String value;

  PermissionAction(String value) {
    this.value = value;
  }

  /** Backstage's spelling: {@code create}, {@code read}, {@code update} or {@code delete}. */
  public String value() {
    return value;
  }
}
