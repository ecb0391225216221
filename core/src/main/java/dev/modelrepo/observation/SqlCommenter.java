package dev.modelrepo.observation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags appended to every statement as a comment in the sqlcommenter format, so a database's slow-query log points at
 * the code that ran it: {@code SELECT … /*action='list',application='shop',controller='BookController'*&#47;}. Asked
 * once per statement on the thread that runs it; an empty map adds nothing. Rendered SQL is cached without the
 * comment, and observations, listeners and the SQL log see the statement without it.
 */
@FunctionalInterface
public interface SqlCommenter {

    /** The tags of the statement about to run (keys and values are URL-encoded and quoted when rendered). */
    Map<String, String> tags();

    /**
     * The comment for these tags, starting with a space: keys sorted, {@code key='value'} joined by commas, keys and
     * values URL-encoded and {@code '} escaped, so neither can end the comment; empty for no tags.
     */
    static String comment(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" /*");
        new TreeMap<>(tags).forEach((key, value) -> {
            if (key != null && value != null) {
                sb.append(sb.length() == 3 ? "" : ",").append(encode(key)).append("='").append(encode(value)).append('\'');
            }
        });
        return sb.length() == 3 ? "" : sb.append("*/").toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("'", "\\'");
    }
}
