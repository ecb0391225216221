-- The README's posts table (id, title, lock_version), with a DATE and a NUMERIC column for the input coercion
-- the README promises, a column whose name the SQL log masks
-- and a unique one.
CREATE TABLE posts (
    id           BIGSERIAL PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    lock_version INT NOT NULL DEFAULT 0,
    published_on DATE,
    price        NUMERIC(10, 2),
    edit_token   VARCHAR(64),
    slug         VARCHAR(100) CONSTRAINT posts_slug_key UNIQUE
);
