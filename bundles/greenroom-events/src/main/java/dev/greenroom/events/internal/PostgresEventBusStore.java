package dev.greenroom.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.events.EventParams;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The bus on PostgreSQL, upstream's DatabaseEventBusStore
 * (plugins/events-backend/src/service/hub/DatabaseEventBusStore.ts): one table of events ordered by
 * a sequence id, one row per subscription with the id it has read until, {@code NOTIFY
 * event_bus_publish, '<topic>'} after each publish ({@link PgListener} wakes the readers of every
 * instance), and a cleanup every minute ({@link Window}).
 *
 * <p>Two differences, both for ordered at-least-once delivery: publishes take a transaction-level
 * advisory lock, so sequence ids commit in order (a reader never moves past an id that commits
 * later); and a reader claims its subscription row ({@code FOR UPDATE SKIP LOCKED}) for the time
 * its batch is processed, moving the cursor past each event only once the handler returned.
 */
public final class PostgresEventBusStore implements EventBusStore {
  static final String CHANNEL = "event_bus_publish";
  /** pg_advisory_xact_lock key of publishes: "gr-evnts". */
  private static final long PUBLISH_LOCK = 0x67722d65766e7473L;

  private final DataSource dataSource;
  private final LoggerService logger;
  private final Window window;
  private final Wakeups wakeups = new Wakeups();
  private final PgListener listener;
  private final StoreGate gate = new StoreGate();
  /** How long {@link #close()} waits for claims and publishes in flight (a batch's handlers included). */
  static final long CLOSE_WAIT_MILLIS = 5_000;

  public PostgresEventBusStore(DataSource dataSource, LoggerService logger, Window window) {
    this.dataSource = dataSource;
    this.logger = logger;
    this.window = window;
    this.listener = new PgListener(dataSource, CHANNEL, wakeups, logger);
  }

  /** Starts listening for other instances' notifications. */
  public PostgresEventBusStore start() {
    listener.start();
    return this;
  }

  /** Whether {@code dataSource} is PostgreSQL. */
  public static boolean isPostgres(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
    }
  }

  @Override
  public OptionalLong publish(EventParams event, String createdBy, Collection<String> notifiedSubscribers) {
    String data = dataJson(event);
    gate.enter(kind());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, PUBLISH_LOCK);
          lock.execute();
        }
        Array notified = c.createArrayOf("text", notifiedSubscribers.toArray());
        Long id = null;
        try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO event_bus_events (created_by, topic, data_json, notified_subscribers) "
                + "SELECT ?, ?, ?, ? FROM event_bus_subscriptions "
                + "WHERE NOT (id = ANY(?)) AND ? = ANY(topics) HAVING count(*) > 0 RETURNING id")) {
          insert.setString(1, createdBy);
          insert.setString(2, event.topic());
          insert.setString(3, data);
          insert.setArray(4, notified);
          insert.setArray(5, notified);
          insert.setString(6, event.topic());
          try (ResultSet rs = insert.executeQuery()) {
            if (rs.next()) {
              id = rs.getLong(1);
            }
          }
        }
        if (id != null) {
          try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, event.topic());
            notify.execute();
          }
        }
        c.commit();
        if (id == null) {
          return OptionalLong.empty();
        }
        wakeups.publish(event.topic());
        return OptionalLong.of(id);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Failed to publish event on topic '" + event.topic() + "': " + e.getMessage(), e);
    } finally {
      gate.exit();
    }
  }

  private static String dataJson(EventParams event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("payload", event.eventPayload());
    if (!event.metadata().isEmpty()) {
      data.put("metadata", event.metadata());
    }
    try {
      return Json.MAPPER.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new InputError("The payload of an event on topic '" + event.topic()
          + "' cannot be written as JSON for the event bus: " + e.getOriginalMessage());
    }
  }

  @Override
  public void upsertSubscription(String id, List<String> topics, String createdBy) {
    gate.enter(kind());
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(
            "INSERT INTO event_bus_subscriptions (id, created_by, updated_at, topics, read_until) "
                + "VALUES (?, ?, now(), ?, (SELECT coalesce(max(id), 0) FROM event_bus_events)) "
                + "ON CONFLICT (id) DO UPDATE SET created_by = EXCLUDED.created_by, topics = EXCLUDED.topics, updated_at = now()")) {
      st.setString(1, id);
      st.setString(2, createdBy);
      st.setArray(3, c.createArrayOf("text", topics.toArray()));
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Failed to upsert subscription '" + id + "': " + e.getMessage(), e);
    } finally {
      gate.exit();
    }
  }

  @Override
  public List<String> topics(String id) {
    gate.enter(kind());
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement("SELECT topics FROM event_bus_subscriptions WHERE id = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundError("Subscription with ID '" + id + "' not found");
        }
        Array topics = rs.getArray(1);
        return topics == null ? List.of() : List.of((String[]) topics.getArray());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Failed to read subscription '" + id + "': " + e.getMessage(), e);
    } finally {
      gate.exit();
    }
  }

  @Override
  public Batch claim(String id, int limit) {
    gate.enter(kind());
    Connection c = null;
    boolean handedOut = false;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      long readUntil;
      long newest;
      Array topics;
      try (PreparedStatement st = c.prepareStatement(
          // the newest id is read first: with publishes committing in id order, every event up to
          // it is visible to the read below, so an empty read may move the cursor there (a later
          // statement's snapshot could see an event this read missed)
          "SELECT read_until, topics, (SELECT coalesce(max(id), 0) FROM event_bus_events) "
              + "FROM event_bus_subscriptions WHERE id = ? FOR UPDATE SKIP LOCKED")) {
        st.setString(1, id);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            boolean exists = exists(c, id);
            c.rollback();
            c.close();
            c = null;
            if (!exists) {
              throw new NotFoundError("Subscription with ID '" + id + "' not found");
            }
            return null;
          }
          readUntil = rs.getLong(1);
          topics = rs.getArray(2);
          newest = rs.getLong(3);
        }
      }
      List<StoredEvent> events = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(
          "SELECT id, topic, data_json FROM event_bus_events WHERE id > ? AND topic = ANY(?) "
              + "AND NOT (? = ANY(coalesce(notified_subscribers, '{}'))) ORDER BY id LIMIT ?")) {
        st.setLong(1, readUntil);
        st.setArray(2, topics);
        st.setString(3, id);
        st.setInt(4, limit);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            events.add(new StoredEvent(rs.getLong(1), event(rs.getString(2), rs.getString(3))));
          }
        }
      }
      if (events.isEmpty()) {
        // nothing for us: move past the other topics' events, as upstream, so cleanup keeps us
        try (PreparedStatement st = c.prepareStatement(
            "UPDATE event_bus_subscriptions SET read_until = greatest(read_until, ?) WHERE id = ?")) {
          st.setLong(1, newest);
          st.setString(2, id);
          st.executeUpdate();
        }
      }
      PgBatch batch = new PgBatch(c, id, events);
      handedOut = true; // the batch's close leaves the gate
      return batch;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IllegalStateException("Failed to read subscription '" + id + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    } finally {
      if (!handedOut) {
        gate.exit();
      }
    }
  }

  private static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM event_bus_subscriptions WHERE id = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static EventParams event(String topic, String dataJson) {
    try {
      Map<String, Object> data = Json.MAPPER.readValue(dataJson, new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = data.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
      return new EventParams(topic, data.get("payload"), metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable event data on topic '" + topic + "': " + e.getOriginalMessage(), e);
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      if (!c.isClosed()) {
        c.rollback();
        c.close();
      }
    } catch (SQLException ignored) {
      // the connection is broken; the pool drops it
    }
  }

  private final class PgBatch implements Batch {
    private final Connection c;
    private final String id;
    private final List<StoredEvent> events;

    PgBatch(Connection c, String id, List<StoredEvent> events) {
      this.c = c;
      this.id = id;
      this.events = List.copyOf(events);
    }

    @Override
    public List<StoredEvent> events() {
      return events;
    }

    @Override
    public void ack(long eventId) {
      try (PreparedStatement st = c.prepareStatement(
          "UPDATE event_bus_subscriptions SET read_until = greatest(read_until, ?), updated_at = now() WHERE id = ?")) {
        st.setLong(1, eventId);
        st.setString(2, id);
        st.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("Failed to move the cursor of subscription '" + id + "': " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        c.commit();
        c.close();
      } catch (SQLException e) {
        closeQuietly(c);
        throw new IllegalStateException("Failed to commit the cursor of subscription '" + id + "': " + e.getMessage(), e);
      } finally {
        gate.exit();
      }
    }
  }

  /**
   * Deletes events outside the window, then subscriptions whose cursor is behind the oldest event
   * left (upstream's #cleanup; idempotent, so every instance may run it).
   *
   * @return events and subscriptions deleted
   */
  public int[] cleanup() {
    Instant now = Instant.now();
    int events = 0;
    int subscriptions = 0;
    try {
      gate.enter(kind());
    } catch (StoreGate.StoreClosedException closing) {
      return new int[] {0, 0};
    }
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      try (PreparedStatement old = c.prepareStatement("DELETE FROM event_bus_events WHERE created_at < ?")) {
        old.setTimestamp(1, Timestamp.from(now.minus(window.maxAge())));
        events += old.executeUpdate();
      }
      try (PreparedStatement over = c.prepareStatement(
          "DELETE FROM event_bus_events WHERE created_at < ? AND id <= "
              + "(SELECT id FROM event_bus_events ORDER BY id DESC OFFSET ? LIMIT 1)")) {
        over.setTimestamp(1, Timestamp.from(now.minus(window.minAge())));
        over.setInt(2, window.maxCount());
        events += over.executeUpdate();
      }
      Long minId = null;
      try (ResultSet rs = st.executeQuery("SELECT min(id) FROM event_bus_events")) {
        if (rs.next()) {
          long v = rs.getLong(1);
          minId = rs.wasNull() ? null : v;
        }
      }
      if (minId == null) {
        try (PreparedStatement stale = c.prepareStatement("DELETE FROM event_bus_subscriptions WHERE updated_at < ?")) {
          stale.setTimestamp(1, Timestamp.from(now.minus(window.maxAge())));
          subscriptions += stale.executeUpdate();
        }
      } else {
        try (PreparedStatement behind = c.prepareStatement("DELETE FROM event_bus_subscriptions WHERE read_until < ? - 1")) {
          behind.setLong(1, minId);
          subscriptions += behind.executeUpdate();
        }
      }
    } catch (SQLException e) {
      logger.error("Event cleanup failed", e);
    } finally {
      gate.exit();
    }
    if (events > 0) {
      logger.info("Event cleanup resulted in " + events + " old events being deleted");
    }
    if (subscriptions > 0) {
      logger.info("Subscription cleanup resulted in " + subscriptions + " stale subscribers being deleted");
    }
    return new int[] {events, subscriptions};
  }

  @Override
  public Wakeups wakeups() {
    return wakeups;
  }

  @Override
  public String kind() {
    return "postgresql";
  }

  @Override
  public void close() {
    wakeups.wakeAll();
    if (!gate.close(CLOSE_WAIT_MILLIS)) {
      logger.warn("Closing the PostgreSQL event bus with reads or publishes still running after " + CLOSE_WAIT_MILLIS + " ms");
    }
    listener.close();
  }
}
