package dev.modelrepo.dialect;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;

/**
 * The rows of a {@code COPY … FROM STDIN (FORMAT text)} as a UTF-8 stream, encoded as it is read: each read
 * encodes just enough rows to fill the caller's buffer, so memory stays constant whatever the row count. Columns
 * are separated by tabs, rows end with a newline, NULL is {@code \N}, and backslash, tab, newline and carriage
 * return inside values are escaped; bytea is {@code \\x} and hex.
 */
final class PostgresCopyEncoder extends InputStream {

    private static final int TARGET = 1 << 16;

    private final BulkSupport.RowCursor rows;

    private final ColumnKind[] kinds;

    private final @Nullable Object[] values;

    private byte[] buf = new byte[TARGET + 1024];

    private int pos;

    private int limit;

    private boolean done;

    private long rowCount;

    PostgresCopyEncoder(List<ColumnMetadata> columns, BulkSupport.RowCursor rows) {
        this.rows = rows;
        this.kinds = columns.stream().map(ColumnMetadata::kind).toArray(ColumnKind[]::new);
        this.values = new Object[kinds.length];
    }

    /** Rows encoded so far. */
    long rowCount() {
        return rowCount;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Encodes the next rows until about {@value #TARGET} bytes are ready; false at the end. */
    private boolean fill() {
        pos = 0;
        limit = 0;
        while (!done && limit < TARGET) {
            if (!rows.next(values)) {
                done = true;
                break;
            }
            encodeRow();
            rowCount++;
        }
        return limit > 0;
    }

    private void encodeRow() {
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            Object v = values[i];
            if (v == null) {
                put((byte) '\\');
                put((byte) 'N');
                continue;
            }
            switch (kinds[i]) {
                case INTEGER, BIGINT -> putLong(((Number) v).longValue());
                case STRING, JSON -> putEscaped(v.toString());
                case BYTES -> putBytea((byte[]) v);
                default -> putEscaped(PostgresText.format(kinds[i], v));
            }
        }
        put((byte) '\n');
    }

    private void ensure(int more) {
        if (limit + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, limit + more));
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[limit++] = b;
    }

    private void putLong(long v) {
        if (v == Long.MIN_VALUE) {
            putEscaped(Long.toString(v));
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[limit++] = '-';
            v = -v;
        }
        int start = limit;
        do {
            buf[limit++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        while (v != 0);
        for (int i = start, j = limit - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** {@code \\x0a1b…}: the bytea hex form with its backslash escaped for COPY. */
    private void putBytea(byte[] bytes) {
        ensure(3 + bytes.length * 2);
        buf[limit++] = '\\';
        buf[limit++] = '\\';
        buf[limit++] = 'x';
        for (byte b : bytes) {
            buf[limit++] = HEX[(b >> 4) & 0xf];
            buf[limit++] = HEX[b & 0xf];
        }
    }

    /** UTF-8 with COPY's escapes for backslash, tab, newline and carriage return. */
    private void putEscaped(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        byte[] b = buf;
        int p = limit;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { b[p++] = '\\'; b[p++] = '\\'; }
                    case '\t' -> { b[p++] = '\\'; b[p++] = 't'; }
                    case '\n' -> { b[p++] = '\\'; b[p++] = 'n'; }
                    case '\r' -> { b[p++] = '\\'; b[p++] = 'r'; }
                    default -> b[p++] = (byte) c;
                }
            }
            else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xf0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (cp & 0x3f));
            }
            else if (Character.isSurrogate(c)) {
                b[p++] = '?';   // a lone surrogate has no UTF-8 form (String.getBytes does the same)
            }
            else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        limit = p;
    }
}
