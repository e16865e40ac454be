-- H2 commits each DDL statement: the CREATE TABLE stays when the INSERT fails (a half-applied migration)
CREATE TABLE todo_tags (todo_id INTEGER NOT NULL, tag VARCHAR(50) NOT NULL);
INSERT INTO no_such_table VALUES (1);
