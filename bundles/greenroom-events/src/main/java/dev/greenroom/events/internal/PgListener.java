package dev.greenroom.events.internal;

import dev.greenroom.backend.api.services.LoggerService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One connection per instance that {@code LISTEN}s on the bus's channel and wakes the readers of
 * the notified topic: upstream's DatabaseEventBusListener. On failure every reader is woken (they
 * read again, so nothing is missed while the connection is re-established) and the listener
 * reconnects after a backoff.
 */
final class PgListener implements AutoCloseable {
  private static final int WAIT_MILLIS = 1_000;
  private static final long KEEPALIVE_MILLIS = 60_000;

  private final DataSource dataSource;
  private final String channel;
  private final Wakeups wakeups;
  private final LoggerService logger;
  private volatile boolean running;
  private Thread thread;

  PgListener(DataSource dataSource, String channel, Wakeups wakeups, LoggerService logger) {
    this.dataSource = dataSource;
    this.channel = channel;
    this.wakeups = wakeups;
    this.logger = logger;
  }

  synchronized void start() {
    running = true;
    thread = new Thread(this::run, "greenroom-events-listener");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    long backoff = 1_000;
    while (running) {
      try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
        st.execute("LISTEN " + channel);
        PGConnection pg = c.unwrap(PGConnection.class);
        backoff = 1_000;
        long lastQuery = System.currentTimeMillis();
        while (running) {
          PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
          if (notes != null) {
            for (PGNotification n : notes) {
              wakeups.publish(n.getParameter());
            }
          }
          if (System.currentTimeMillis() - lastQuery > KEEPALIVE_MILLIS) {
            st.execute("SELECT 1");
            lastQuery = System.currentTimeMillis();
          }
        }
        st.execute("UNLISTEN " + channel);
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        wakeups.wakeAll();
        logger.warn("Listener connection failed, notifying all listeners; reconnecting in " + backoff + "ms", e);
        sleep(backoff);
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }
}
