-- not idempotent: running twice would violate the primary key
INSERT INTO counters VALUES ('migrations', 1);
