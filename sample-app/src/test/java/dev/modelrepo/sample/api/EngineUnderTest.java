package dev.modelrepo.sample.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.modelrepo.test.Engine;

/** The engine a test class of the HTTP API runs on; shown in every test's name, e.g. {@code transfer… [postgresql]}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface EngineUnderTest {

    Engine value();
}
