package dev.modelrepo.bulk.internal;

/**
 * A generous estimate of the bytes one row adds to a multi-row statement as MySQL/MariaDB drivers send it (values
 * rendered into the SQL text), to keep statements below {@code max_allowed_packet}.
 */
final class PacketSize {

    private PacketSize() {
    }

    static long of(Chunk chunk, int row) {
        long bytes = 4;
        for (int c = 0; c < chunk.width(); c++) {
            Object v = chunk.value(row, c);
            bytes += 4;
            if (v instanceof CharSequence s) {
                bytes += 2 + utf8Escaped(s);
            }
            else if (v instanceof byte[] b) {
                bytes += 10 + 2L * b.length;
            }
            else if (v != null) {
                bytes += 40;
            }
        }
        return bytes;
    }

    /**
     * A generous estimate of the bytes one row adds to a JDBC batch that the driver sends in its binary protocol
     * (each value length-prefixed, never escaped): three bytes per character, without reading the text.
     */
    static long ofBinary(Chunk chunk, int row) {
        long bytes = 4;
        for (int c = 0; c < chunk.width(); c++) {
            Object v = chunk.value(row, c);
            bytes += v instanceof CharSequence s ? 9 + 3L * s.length() : v instanceof byte[] b ? 9 + b.length : 40;
        }
        return bytes;
    }

    /** UTF-8 length, counting every character that may need escaping twice. */
    private static long utf8Escaped(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? (c == '\'' || c == '\\' || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : 3;
        }
        return n;
    }
}
