CREATE TABLE authors (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(100),
    CONSTRAINT authors_email_key UNIQUE (email));
CREATE TABLE books (id BIGINT AUTO_INCREMENT PRIMARY KEY, author_id BIGINT NOT NULL, title VARCHAR(200) NOT NULL,
    published_on DATE, price DECIMAL(10,2), pages INTEGER, in_print BOOLEAN, cover VARBINARY(100), meta JSON,
    lock_version INTEGER DEFAULT 0 NOT NULL,
    CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id));
