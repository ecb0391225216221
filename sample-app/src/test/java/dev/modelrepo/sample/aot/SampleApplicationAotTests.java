package dev.modelrepo.sample.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor;

import dev.modelrepo.sample.SampleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Spring Boot's AOT processing (what {@code spring-boot:process-aot} does before a native build) on the
 * sample and reads the native-image metadata it writes: every sample model is registered for reflection with its
 * constructors. No native image is built (there is no GraalVM here).
 */
class SampleApplicationAotTests {

    @TempDir
    Path output;

    @Test
    void aotProcessingRegistersEveryModelForReflection() throws IOException {
        AbstractAotProcessor.Settings settings = AbstractAotProcessor.Settings.builder()
            .sourceOutput(this.output.resolve("sources"))
            .resourceOutput(this.output.resolve("resources"))
            .classOutput(this.output.resolve("classes"))
            .groupId("dev.modelrepo")
            .artifactId("modelrepo-sample-app")
            .build();
        new SpringApplicationAotProcessor(SampleApplication.class, settings, new String[0]).process();
        String metadata = nativeImageMetadata(this.output.resolve("resources"));
        for (String model : List.of("Company", "Department", "Employee", "Post", "Account")) {
            assertThat(metadata).contains("\"dev.modelrepo.sample.model." + model + "\"");
        }
        assertThat(metadata).contains("allDeclaredConstructors");
        // the AOT-generated bean definitions include the repository's
        try (Stream<Path> sources = Files.walk(this.output.resolve("sources"))) {
            assertThat(sources.map(Path::toString)).anyMatch((name) -> name.contains("ModelRepositoryConfiguration"));
        }
    }

    private static String nativeImageMetadata(Path resources) throws IOException {
        try (Stream<Path> files = Files.walk(resources.resolve("META-INF/native-image"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
                all.append(Files.readString(file));
            }
            return all.toString();
        }
    }
}
