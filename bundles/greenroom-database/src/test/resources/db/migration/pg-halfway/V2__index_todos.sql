-- CREATE INDEX CONCURRENTLY cannot run in a transaction, so Flyway runs this migration without one:
-- the first index stays when the second statement fails (a half-applied migration on PostgreSQL)
CREATE INDEX CONCURRENTLY todos_title ON todos (title);
CREATE INDEX CONCURRENTLY todos_missing ON todos (no_such_column);
