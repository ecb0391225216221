package dev.modelrepo.autoconfigure.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the slice tests find: its package holds the models, a listener and a service. */
@SpringBootApplication
public class SliceTestApplication {

}
