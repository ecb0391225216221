package dev.modelrepo.types;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * The plain JDBC reads most columns need (a number, a string, a date), as one final class: row mappers call
 * {@link #read(ColumnReader, ResultSet, int)}, which switches on the kind instead of dispatching through the
 * interface, because a row of a dozen different lambda readers makes that call site megamorphic (an itable
 * lookup per column of every row).
 */
public final class StandardReader implements ColumnReader {

    /** {@code getInt}, null when SQL NULL. */
    public static final StandardReader INTEGER = new StandardReader(0);

    /** {@code getLong}, null when SQL NULL. */
    public static final StandardReader BIGINT = new StandardReader(1);

    /** {@code getDouble}, null when SQL NULL. */
    public static final StandardReader DOUBLE = new StandardReader(2);

    /** {@code getBoolean}, null when SQL NULL. */
    public static final StandardReader BOOLEAN = new StandardReader(3);

    /** {@code getString}. */
    public static final StandardReader STRING = new StandardReader(4);

    /** {@code getBigDecimal}. */
    public static final StandardReader DECIMAL = new StandardReader(5);

    /** {@code getObject(i, LocalDate.class)}. */
    public static final StandardReader DATE = new StandardReader(6);

    /** {@code getObject(i, LocalTime.class)}. */
    public static final StandardReader TIME = new StandardReader(7);

    /** {@code getObject(i, LocalDateTime.class)}. */
    public static final StandardReader TIMESTAMP = new StandardReader(8);

    /** {@code getBytes}. */
    public static final StandardReader BYTES = new StandardReader(9);

    /** {@code getObject}. */
    public static final StandardReader OBJECT = new StandardReader(10);

    private final int code;

    private StandardReader(int code) {
        this.code = code;
    }

    /** Reads with {@code reader}: inline when it is a standard reader, through the interface otherwise. */
    public static @Nullable Object read(ColumnReader reader, ResultSet rs, int index) throws SQLException {
        return reader instanceof StandardReader standard ? standard.read(rs, index) : reader.read(rs, index);
    }

    /**
     * Reads result columns {@code 1..readers.length} into {@code values}, each with its reader ({@code codes} from
     * {@link #codes}): the reads of one row. The
     * loop and the switch sit in this one method so that the JIT compiles the driver's getters into it; a call of
     * {@link #read(ResultSet, int)} per column compiles into a call per column (the method is too big to inline once
     * the getters are inlined into it).
     */
    public static void readRow(ResultSet rs, ColumnReader[] readers, int[] codes, @Nullable Object[] values) throws SQLException {
        for (int i = 0; i < codes.length; i++) {
            int c = i + 1;
            switch (codes[i]) {
                case -1:
                    values[i] = readers[i].read(rs, c);
                    break;
                case 0: {
                    int v = rs.getInt(c);
                    values[i] = v == 0 && rs.wasNull() ? null : v;
                    break;
                }
                case 1: {
                    long v = rs.getLong(c);
                    values[i] = v == 0 && rs.wasNull() ? null : v;
                    break;
                }
                case 2: {
                    double v = rs.getDouble(c);
                    values[i] = v == 0 && rs.wasNull() ? null : v;
                    break;
                }
                case 3: {
                    boolean v = rs.getBoolean(c);
                    values[i] = !v && rs.wasNull() ? null : v;
                    break;
                }
                case 4:
                    values[i] = rs.getString(c);
                    break;
                case 5:
                    values[i] = rs.getBigDecimal(c);
                    break;
                case 6:
                    values[i] = rs.getObject(c, LocalDate.class);
                    break;
                case 7:
                    values[i] = rs.getObject(c, LocalTime.class);
                    break;
                case 8:
                    values[i] = rs.getObject(c, LocalDateTime.class);
                    break;
                case 9:
                    values[i] = rs.getBytes(c);
                    break;
                default:
                    values[i] = rs.getObject(c);
            }
        }
    }

    /** Each reader's code for {@link #readRow}: the standard reader's, or -1 for a reader called through the interface. */
    public static int[] codes(ColumnReader[] readers) {
        int[] codes = new int[readers.length];
        for (int i = 0; i < readers.length; i++) {
            codes[i] = readers[i] instanceof StandardReader standard ? standard.code : -1;
        }
        return codes;
    }

    /** The value of one column; {@link #readRow} repeats this switch (see there why). */
    @Override
    public @Nullable Object read(ResultSet rs, int i) throws SQLException {
        switch (code) {
            case 0: {
                int v = rs.getInt(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case 1: {
                long v = rs.getLong(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case 2: {
                double v = rs.getDouble(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case 3: {
                boolean v = rs.getBoolean(i);
                return !v && rs.wasNull() ? null : v;
            }
            case 4:
                return rs.getString(i);
            case 5:
                return rs.getBigDecimal(i);
            case 6:
                return rs.getObject(i, LocalDate.class);
            case 7:
                return rs.getObject(i, LocalTime.class);
            case 8:
                return rs.getObject(i, LocalDateTime.class);
            case 9:
                return rs.getBytes(i);
            default:
                return rs.getObject(i);
        }
    }
}
