package dev.greenroom.database.migrations;

/**
 * A migration failed or could not be found. On PostgreSQL the failed migration was rolled back;
 * thrown from a plugin's init it fails that plugin only.
 */
public final class MigrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String location;

  public MigrationException(String message, String location, Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /** The resource folder the scripts were read from. */
  public String location() {
    return location;
  }
}
