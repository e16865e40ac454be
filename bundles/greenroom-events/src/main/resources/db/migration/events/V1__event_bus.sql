-- The PostgreSQL event bus (docs/events.md): the tables of upstream's events backend
-- (plugins/events-backend/migrations/20240523100528_init.js and ..._event_bus_cleanup_indices.js).
CREATE TABLE event_bus_events (
  id BIGSERIAL PRIMARY KEY,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  topic TEXT NOT NULL,
  data_json TEXT NOT NULL,
  notified_subscribers TEXT[]
);
COMMENT ON TABLE event_bus_events IS 'Events published to the events bus';
CREATE INDEX event_bus_events_topic_id_idx ON event_bus_events (topic, id);
CREATE INDEX event_bus_events_created_at_id_idx ON event_bus_events (created_at, id);

CREATE TABLE event_bus_subscriptions (
  id VARCHAR(255) PRIMARY KEY,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  read_until BIGINT NOT NULL,
  topics TEXT[]
);
COMMENT ON TABLE event_bus_subscriptions IS 'Subscriptions to the event bus, each with the sequence id it has read until';
