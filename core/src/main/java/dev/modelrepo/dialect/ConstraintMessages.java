package dev.modelrepo.dialect;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Reads a {@link ConstraintViolation} from one database's errors; each dialect has its own. */
@FunctionalInterface
public interface ConstraintMessages {

    /** For a database whose errors are not read: nothing is known. */
    ConstraintMessages NONE = ex -> null;

    /** The violation this error reports, or null when it reports none (or says too little). */
    @Nullable ConstraintViolation parse(SQLException ex);

    /** Column names of a list such as {@code "EMAIL NULLS FIRST, `a`, "b""}, unquoted and in lower case. */
    static List<String> columns(@Nullable String list) {
        List<String> columns = new ArrayList<>();
        if (list == null) {
            return columns;
        }
        for (String part : list.split(",")) {
            String name = part.trim().split("\\s+")[0].replace("`", "").replace("\"", "");
            int dot = name.lastIndexOf('.');
            name = dot >= 0 ? name.substring(dot + 1) : name;
            if (!name.isEmpty()) {
                columns.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** A name in lower case, unquoted; null stays null. */
    static @Nullable String name(@Nullable String name) {
        return name == null ? null : name.replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
