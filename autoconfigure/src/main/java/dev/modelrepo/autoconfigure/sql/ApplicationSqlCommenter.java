package dev.modelrepo.autoconfigure.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

import dev.modelrepo.observation.SqlCommenter;

/**
 * The commenter of {@code modelrepo.sql.comments=true}: {@code application} (the application's name, when it has one)
 * and the tags of every {@link SqlCommentContributor} (the request's {@code controller} and {@code action}, the
 * {@code traceparent}), asked again for each statement.
 */
public class ApplicationSqlCommenter implements SqlCommenter {

    private final @Nullable String application;

    private final List<SqlCommentContributor> contributors;

    /** @param application {@code spring.application.name}, or null for none */
    public ApplicationSqlCommenter(@Nullable String application, List<SqlCommentContributor> contributors) {
        this.application = StringUtils.hasText(application) ? application : null;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public Map<String, String> tags() {
        Map<String, String> tags = new HashMap<>();
        if (this.application != null) {
            tags.put("application", this.application);
        }
        for (SqlCommentContributor contributor : this.contributors) {
            contributor.contribute(tags);
        }
        return tags;
    }
}
