package dev.modelrepo.autoconfigure.aot;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.modelrepo.autoconfigure.aot.models.BaseDocument;
import dev.modelrepo.autoconfigure.aot.models.Invoice;
import dev.modelrepo.autoconfigure.aot.models.StatusConverter;
import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.autoconfigure.versioned.Gadget;

import static org.assertj.core.api.Assertions.assertThat;

/** Reflection hints for models and converters, directly and through Spring's AOT processing of a context. */
class ModelRuntimeHintsTests {

    @Test
    void modelsGetTheirConstructorsMethodsConvertersAndRelatedModels() {
        RuntimeHints hints = new RuntimeHints();
        ModelRuntimeHints.register(hints, List.of(Invoice.class));
        assertThat(RuntimeHintsPredicates.reflection().onType(Invoice.class)
            .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INTROSPECT_DECLARED_METHODS))
            .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(BaseDocument.class)
            .withMemberCategory(MemberCategory.INTROSPECT_DECLARED_METHODS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(StatusConverter.class)
            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        // reached through @BelongsTo although it was not listed
        assertThat(RuntimeHintsPredicates.reflection().onType(Widget.class)
            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Gadget.class)).rejects(hints);
    }

    @Test
    void aotProcessingOfAContextRegistersTheModelsOfItsPackages() {
        RuntimeHints hints = processAheadOfTime(null);
        assertThat(RuntimeHintsPredicates.reflection().onType(Invoice.class)
            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(StatusConverter.class)
            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Gadget.class)).rejects(hints);
    }

    @Test
    void theModelPackagesPropertyWinsOverTheApplicationsPackages() {
        RuntimeHints hints = processAheadOfTime("dev.modelrepo.autoconfigure.versioned");
        assertThat(RuntimeHintsPredicates.reflection().onType(Gadget.class)
            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Invoice.class)).rejects(hints);
    }

    private static RuntimeHints processAheadOfTime(String modelPackages) {
        GenericApplicationContext context = new GenericApplicationContext();
        AutoConfigurationPackages.register(context, "dev.modelrepo.autoconfigure.aot.models");
        if (modelPackages != null) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                    java.util.Map.of("modelrepo.model-packages", modelPackages)));
        }
        DefaultGenerationContext generationContext = new DefaultGenerationContext(
                new ClassNameGenerator(org.springframework.javapoet.ClassName.get("com.example", "AotTest")),
                new InMemoryGeneratedFiles());
        new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
        return generationContext.getRuntimeHints();
    }
}
