-- fixed after a half-applied first attempt, which left todo_tags behind
CREATE TABLE IF NOT EXISTS todo_tags (todo_id INTEGER NOT NULL, tag VARCHAR(50) NOT NULL);
INSERT INTO todo_tags VALUES (1, 'first');
