package dev.modelrepo.dialect;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The errors of one database that a retry in a fresh transaction may meet as a success: serialization failures,
 * deadlocks, locks not acquired, write conflicts. Listed as data, exactly, so that an error of the same SQLSTATE class
 * that a retry must never repeat (PostgreSQL's {@code 40003} "statement completion unknown", whose commit may have
 * happened) is not taken for one.
 *
 * @param sqlStates SQLSTATEs that are conflicts
 * @param vendorCodes the driver's vendor error codes that are conflicts
 */
public record ConflictCodes(Set<String> sqlStates, Set<Integer> vendorCodes) {

    public ConflictCodes {
        sqlStates = Set.copyOf(sqlStates);
        vendorCodes = Set.copyOf(vendorCodes);
    }

    /** Conflicts told by their SQLSTATE. */
    public static ConflictCodes ofSqlStates(String... states) {
        return new ConflictCodes(Set.of(states), Set.of());
    }

    /** Conflicts told by the driver's vendor code. */
    public static ConflictCodes ofVendorCodes(Integer... codes) {
        return new ConflictCodes(Set.of(), Set.of(codes));
    }

    /** These conflicts and more vendor codes (an engine on the same wire protocol with errors of its own). */
    public ConflictCodes andVendorCodes(Integer... codes) {
        return new ConflictCodes(sqlStates, java.util.stream.Stream.concat(vendorCodes.stream(), Arrays.stream(codes))
                .collect(Collectors.toSet()));
    }

    /** These conflicts and more SQLSTATEs. */
    public ConflictCodes andSqlStates(String... states) {
        return new ConflictCodes(java.util.stream.Stream.concat(sqlStates.stream(), Arrays.stream(states))
                .collect(Collectors.toSet()), vendorCodes);
    }

    /** Whether this error, or one chained to it with {@link SQLException#getNextException()}, is a listed conflict. */
    public boolean matches(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            if ((e.getSQLState() != null && sqlStates.contains(e.getSQLState())) || vendorCodes.contains(e.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
