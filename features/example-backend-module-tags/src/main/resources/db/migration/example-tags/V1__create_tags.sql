-- The tags module's own table in the example plugin's database: ${prefix} expands to
-- "example_tags__" (Backstage's <package>__<table> naming), so it never collides with the plugin's.
CREATE TABLE ${prefix}tags (
  tag VARCHAR(200) NOT NULL PRIMARY KEY,
  first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
