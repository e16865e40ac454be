-- the todos table (this comment changes V1's checksum: repair realigns it)
CREATE TABLE todos (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);
