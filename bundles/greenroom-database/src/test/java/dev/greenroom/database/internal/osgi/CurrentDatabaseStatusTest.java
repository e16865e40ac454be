package dev.greenroom.database.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.database.internal.DatabaseManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the bundle's deactivation closes: every manager still open, not only the current one. */
class CurrentDatabaseStatusTest {
  private static DatabaseManager manager() {
    return new DatabaseManager(new MapConfig(
        Map.of("backend", Map.of("database", Map.of("client", "h2", "connection", ":memory:"))), "test config"));
  }

  @Test
  void closeAllClosesEveryOpenManagerIncludingEarlierBackends() {
    CurrentDatabaseStatus status = new CurrentDatabaseStatus();
    DatabaseManager earlier = manager();
    DatabaseManager shutDown = manager();
    DatabaseManager current = manager();
    status.set(earlier);   // a backend that never ran its root shutdown hooks
    status.set(shutDown);
    shutDown.close();      // one that did
    status.set(current);
    assertSame(current, status.get());

    assertEquals(2, status.closeAll());

    assertTrue(earlier.isClosed());
    assertTrue(current.isClosed());
    assertEquals(0, status.closeAll(), "closing twice closes nothing more");
  }

  @Test
  void aManagerStaysOpenUntilCloseAll() {
    CurrentDatabaseStatus status = new CurrentDatabaseStatus();
    DatabaseManager m = manager();
    status.set(m);
    assertFalse(m.isClosed());
    status.closeAll();
    assertTrue(m.isClosed());
  }
}
