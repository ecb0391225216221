package dev.modelrepo.dialect;

import java.util.Arrays;

import dev.modelrepo.types.ColumnKind;

/**
 * Lists expanded to {@code x IN (?, ?, …)}, padded by repeating the last value: to the next power of two up to
 * 1,024 values, above that to the next quarter of a power of two (four sizes per doubling, at most a quarter
 * wasted). An empty list is a constant condition. Past {@code maxPlaceholders} a subclass supplies another form.
 */
class PaddedInList extends InListSupport {

    /** The variant of a list too long for the padded form. */
    static final int BEYOND = -1;

    private final int maxPlaceholders;

    PaddedInList(int maxPlaceholders) {
        this.maxPlaceholders = maxPlaceholders;
    }

    /** The padded size, or {@link #BEYOND}. */
    @Override
    public int variant(int size) {
        int padded = padded(size);
        return padded <= maxPlaceholders ? padded : BEYOND;
    }

    static int padded(int n) {
        if (n <= 1) {
            return n;
        }
        int power = Integer.highestOneBit(n - 1) << 1;
        if (n <= 1024) {
            return power;
        }
        int step = power >> 3;
        return (int) Math.min(power, (n + (long) step - 1) / step * step);
    }

    @Override
    public String sql(String left, boolean negated, ColumnKind kind, int variant) {
        if (variant == 0) {
            return negated ? "1=1" : "1=0";
        }
        StringBuilder sb = new StringBuilder(left.length() + 12 + variant * 3).append(left)
                .append(negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < variant; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.append(')').toString();
    }

    @Override
    public Object[] values(Object[] items, ColumnKind kind, int variant) {
        if (items.length == variant) {
            return items;
        }
        Object[] padded = Arrays.copyOf(items, variant);
        Arrays.fill(padded, items.length, variant, items[items.length - 1]);
        return padded;
    }
}
