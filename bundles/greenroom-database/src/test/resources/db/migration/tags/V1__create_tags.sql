-- a module's table: its prefix comes from the placeholder, so it never collides with the plugin's
CREATE TABLE ${prefix}tags (
  thing_id INTEGER NOT NULL,
  tag VARCHAR(100) NOT NULL
);
