package dev.modelrepo.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of the README compiles, imports included, against the sample's test class path (which has
 * every module: core, the auto-configuration, the test support, Spring MVC, JUnit), so README drift fails the build.
 * How a block becomes a class is {@link ReadmeSnippets}' javadoc; names the README takes as given are
 * {@link ReadmeSnippetContext}'s. {@code dev.modelrepo.ReadmeExamplesTests} in core runs the main examples on every
 * engine; this test only compiles, and it lives here because core's class path has neither the auto-configuration
 * nor Spring MVC (core cannot depend on the modules built on it).
 */
class ReadmeSnippetsCompileTests {

    static final Path README = Path.of("..", "README.md");

    @TempDir
    Path classes;

    @Test
    void everyJavaBlockOfTheReadmeCompilesWithItsImports() throws IOException {
        List<ReadmeSnippets.Block> blocks = ReadmeSnippets.blocks(Files.readString(README, StandardCharsets.UTF_8));
        assertThat(blocks).as("the README's java blocks").hasSizeGreaterThan(10);
        List<ReadmeSnippets.Source> sources = blocks.stream().filter(b -> b.notCompiled() == null).map(ReadmeSnippets::source).toList();
        List<String> errors = compile(sources);
        assertThat(errors).as("README snippets that do not compile (README line: error); add the missing import lines,"
                + " or a name the README takes as given to ReadmeSnippetContext").isEmpty();
        assertThat(sources).as("the compiled blocks").hasSizeGreaterThan(blocks.size() / 2);
    }

    @Test
    void aMissingImportFailsAndNamesTheReadmeLine() {
        String markdown = "# t\n\n```java\nimport java.util.List;\n\nList<String> names = new ArrayList<>();\n```\n";
        List<String> errors = compile(ReadmeSnippets.blocks(markdown).stream().map(ReadmeSnippets::source).toList());
        assertThat(errors).singleElement().asString().startsWith("README line 6: ").contains("ArrayList");
    }

    @Test
    void membersClassesAndStatementsAreEachPutWhereTheyCompile() {
        String markdown = """
                ```java
                import org.springframework.context.annotation.Bean;

                @Bean
                java.time.Clock clock() {            // a member
                    return java.time.Clock.systemUTC();
                }
                @Deprecated class Local { int x() { return 1; } }  // a member class, one line
                int n = new Local().x();             // a statement, using the context's repo below
                repo.count(q, Map.of());
                try (var s = repo.stream(q, params)) { … }
                ```
                """;
        List<ReadmeSnippets.Source> sources = ReadmeSnippets.blocks(markdown).stream().map(ReadmeSnippets::source).toList();
        assertThat(compile(sources)).singleElement().asString().startsWith("README line 10: ").contains("Map");   // no import of Map
    }

    @Test
    void aBlockIsLeftOutOnlyWithAReason() {
        List<ReadmeSnippets.Block> blocks = ReadmeSnippets.blocks("<!-- not-compiled: a fragment of PostService -->\n```java\nthis is no Java\n```\n");
        assertThat(blocks).singleElement().extracting(ReadmeSnippets.Block::notCompiled).isEqualTo("a fragment of PostService");
        assertThatThrownBy(() -> ReadmeSnippets.blocks("<!-- not-compiled: -->\n\n```java\nx\n```\n"))
                .hasMessageContaining("README line 1").hasMessageContaining("the reason is required");
        assertThatThrownBy(() -> ReadmeSnippets.blocks("<!-- not-compiled -->\n```java\nx\n```\n")).hasMessageContaining("the reason is required");
    }

    /** Compiles the sources in one javac run; returns the errors as "README line N: message". */
    private List<String> compile(List<ReadmeSnippets.Source> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<URI, ReadmeSnippets.Source> byUri = new java.util.HashMap<>();
        List<JavaFileObject> files = new ArrayList<>();
        for (ReadmeSnippets.Source source : sources) {
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/" + source.className() + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source.code();
                }
            };
            byUri.put(file.toUri(), source);
            files.add(file);
        }
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            manager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> options = List.of("-proc:none", "-classpath", classPath, "-Xlint:none", "-nowarn", "-encoding", "UTF-8");
            StringWriter out = new StringWriter();
            javac.getTask(out, manager, diagnostics, options, null, files).call();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        Function<Diagnostic<? extends JavaFileObject>, String> describe = d -> {
            ReadmeSnippets.Source source = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
            long line = d.getLineNumber();
            int readmeLine = source == null || line < 1 || line > source.readmeLines().length ? 0 : source.readmeLines()[(int) line - 1];
            return "README line " + readmeLine + ": " + d.getMessage(Locale.ROOT).lines().map(String::strip).collect(Collectors.joining("; "))
                    + (source == null ? "" : " (block " + source.block().number() + ")");
        };
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(describe).collect(Collectors.toList());
    }
}
