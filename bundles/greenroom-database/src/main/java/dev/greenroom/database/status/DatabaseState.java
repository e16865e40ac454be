package dev.greenroom.database.status;

/** Where a plugin's database stands. */
public enum DatabaseState {
  /** The plugin has a database service but never asked for a connection: no pool is open. */
  IDLE,
  /** {@code getClient()} is preparing the database (creating it if missing, first connection). */
  CONNECTING,
  /** The pool is open. */
  READY,
  /** The server could not be reached; {@code getClient()} keeps retrying with backoff. */
  UNAVAILABLE,
  /** Preparing the database failed for a reason retrying cannot fix (bad config, auth, ...). */
  FAILED,
  /** The pool was closed because the plugin or the backend stopped. */
  CLOSED
}
