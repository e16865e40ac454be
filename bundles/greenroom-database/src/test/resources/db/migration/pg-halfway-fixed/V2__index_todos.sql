-- fixed after a half-applied first attempt, which left todos_title behind
CREATE INDEX CONCURRENTLY IF NOT EXISTS todos_title ON todos (title);
CREATE INDEX CONCURRENTLY IF NOT EXISTS todos_id_title ON todos (id, title);
