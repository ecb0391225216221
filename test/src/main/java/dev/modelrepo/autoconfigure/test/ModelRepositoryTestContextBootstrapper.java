package dev.modelrepo.autoconfigure.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Bootstraps {@link ModelRepositoryTest} (its {@code properties}). */
class ModelRepositoryTestContextBootstrapper extends TestSliceTestContextBootstrapper<ModelRepositoryTest> {

}
