-- slow on purpose: a second instance arrives while the first one holds the migration lock
SELECT pg_sleep(1);
CREATE TABLE counters (name VARCHAR(100) PRIMARY KEY, hits INTEGER NOT NULL);
