package dev.modelrepo.readmeapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Boot app written from README.md alone: Flyway makes the posts table, modelrepo serves it as JSON. */
@SpringBootApplication
public class ReadmeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReadmeApplication.class, args);
    }
}
