package dev.modelrepo.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ```java blocks of a Markdown text, each turned into a Java source that compiles exactly when the snippet does.
 * <p>
 * How a block becomes a class ({@code Snippet<N> extends ReadmeSnippetContext} in package {@code readme}):
 * <ul>
 * <li>Its {@code import} lines, wherever they stand in the block, go to the top of the file.</li>
 * <li>Outside parentheses and braces, a line that starts with an annotation or a type declaration ({@code class},
 * {@code record}, {@code interface}, {@code enum}, with modifiers) starts a <em>member</em>, which runs until its
 * braces close (a class, or a method such as a {@code @Bean} method or a controller's handler): members go into the
 * class body as they are.</li>
 * <li>Every other line is a <em>statement</em>: statements go, in their order, into one method of the class.</li>
 * <li>{@code …} (an ellipsis: "something here") becomes {@code {}}: an empty block or an empty lambda body.</li>
 * <li>Names a snippet uses without declaring come from {@link ReadmeSnippetContext}.</li>
 * </ul>
 * A block that cannot compile on its own (a fragment of a larger class, pseudo-code) is preceded by
 * {@code <!-- not-compiled: the reason -->}; the reason is required.
 */
final class ReadmeSnippets {

    /** One ```java block: where it starts (the line after the fence, 1-based), its text, and why it is not compiled (or null). */
    record Block(int number, int line, String text, String notCompiled) {
    }

    /** A block as a compilation unit, with the README line of each of its lines (0 for generated lines). */
    record Source(Block block, String className, String code, int[] readmeLines) {
    }

    private static final Pattern NOT_COMPILED = Pattern.compile("^<!--\\s*not-compiled:(.*)-->\\s*$");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*(//.*)?$");

    private static final Pattern MEMBER_START = Pattern.compile(
            "^\\s*(@\\w|((public|protected|private|static|final|abstract|sealed|non-sealed)\\s+)*(class|record|interface|enum|@interface)\\s+\\w)");

    private ReadmeSnippets() {
    }

    static List<Block> blocks(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("```java")) {
                continue;
            }
            String marker = null;
            int previous = i - 1;
            while (previous >= 0 && lines[previous].isBlank()) {
                previous--;
            }
            if (previous >= 0 && lines[previous].strip().startsWith("<!-- not-compiled")) {
                Matcher m = NOT_COMPILED.matcher(lines[previous].strip());
                if (!m.matches() || m.group(1).isBlank()) {
                    throw new IllegalStateException("README line " + (previous + 1) + ": a block is left out of compilation with"
                            + " <!-- not-compiled: the reason -->, and the reason is required");
                }
                marker = m.group(1).strip();
            }
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            for (i = i + 1; i < lines.length && !lines[i].strip().equals("```"); i++) {
                text.append(lines[i]).append('\n');
            }
            blocks.add(new Block(blocks.size() + 1, start + 1, text.toString(), marker));
        }
        return blocks;
    }

    static Source source(Block block) {
        String className = "Snippet" + block.number();
        String[] lines = block.text().split("\n", -1);
        List<String> imports = new ArrayList<>();
        List<Integer> importLines = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<Integer> memberLines = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        List<Integer> statementLines = new ArrayList<>();
        int depth = 0;
        boolean inMember = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("…", "{}");
            int readmeLine = block.line() + i;
            if (depth == 0 && !inMember && IMPORT.matcher(line).matches()) {
                imports.add(line);
                importLines.add(readmeLine);
                continue;
            }
            if (depth == 0 && !inMember && MEMBER_START.matcher(line).find()) {
                inMember = true;
            }
            depth += depthChange(line);
            (inMember ? members : statements).add(line);
            (inMember ? memberLines : statementLines).add(readmeLine);
            if (inMember && depth == 0 && code(line).endsWith("}")) {
                inMember = false;
            }
        }
        StringBuilder code = new StringBuilder("package readme;\n");
        List<Integer> map = new ArrayList<>();
        map.add(0);
        for (int i = 0; i < imports.size(); i++) {
            code.append(imports.get(i)).append('\n');
            map.add(importLines.get(i));
        }
        code.append("@SuppressWarnings(\"all\") public class ").append(className).append(" extends ")
                .append(ReadmeSnippetContext.class.getName()).append(" {\n");
        map.add(0);
        for (int i = 0; i < members.size(); i++) {
            code.append(members.get(i)).append('\n');
            map.add(memberLines.get(i));
        }
        code.append("void snippet() throws Exception {\n");
        map.add(0);
        for (int i = 0; i < statements.size(); i++) {
            code.append(statements.get(i)).append('\n');
            map.add(statementLines.get(i));
        }
        code.append("}\n}\n");
        map.add(0);
        map.add(0);
        return new Source(block, className, code.toString(), map.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The line without its trailing {@code //} comment, stripped. */
    static String code(String line) {
        return line.substring(0, codeEnd(line)).strip();
    }

    private static int codeEnd(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < line.length() && line.charAt(i) != c; i++) {
                    if (line.charAt(i) == '\\') {
                        i++;
                    }
                }
            }
            else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return line.length();
    }

    /** Braces and parentheses opened minus closed, outside strings, characters and comments. */
    static int depthChange(String line) {
        int change = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < line.length() && line.charAt(i) != c; i++) {
                    if (line.charAt(i) == '\\') {
                        i++;
                    }
                }
            }
            else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            }
            else if (c == '{' || c == '(') {
                change++;
            }
            else if (c == '}' || c == ')') {
                change--;
            }
        }
        return change;
    }
}
