package dev.modelrepo.query.internal;

/**
 * An IN condition whose SQL depends on the size of the bound list (padded strategy): rendered at execution
 * as {@code left IN (?, ?, …)} with the size padded to a power of two, or as a constant condition when empty.
 */
record DynamicIn(String left, boolean negated, int slot) {

    String render(int size) {
        if (size == 0) {
            return negated ? "1=1" : "1=0";
        }
        StringBuilder sb = new StringBuilder(left.length() + 12 + size * 3).append(left)
                .append(negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.append(')').toString();
    }

    /** The padded size of a list of {@code n} values: the next power of two. */
    static int padded(int n) {
        return n <= 1 ? n : Integer.highestOneBit(n - 1) << 1;
    }
}
