-- The examples the plugin has seen, kept across restarts. Plain SQL that H2 (PostgreSQL mode) and
-- PostgreSQL both run.
CREATE TABLE examples (
  name VARCHAR(200) NOT NULL,
  source VARCHAR(200) NOT NULL,
  first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (name, source)
);
