package dev.modelrepo.autoconfigure.test.app;

import org.springframework.stereotype.Service;

/** A service component: the slice leaves it out. */
@Service
public class MailService {

}
