CREATE TABLE widgets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL);
INSERT INTO widgets (name) VALUES ('second-db cog');
INSERT INTO widgets (name) VALUES ('second-db gear');
CREATE TABLE gadgets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, lock_version INT DEFAULT 0 NOT NULL);
INSERT INTO gadgets (name) VALUES ('second-db gizmo');
