package dev.modelrepo.replica;

/** Why a read that could have gone to the replica went to the primary; {@link #tag()} is the meter tag's value. */
public enum FallbackReason {

    /** The replica did not answer (or its last check failed). */
    DOWN("down"),

    /** The replica's lag was past the configured maximum at its last check. */
    LAG("lag"),

    /** The replica had not yet replayed a commit of the caller's read-your-writes scope. */
    READ_YOUR_WRITES("read-your-writes");

    private final String tag;

    FallbackReason(String tag) {
        this.tag = tag;
    }

    /** The lower-case name used as the {@code reason} tag of {@code modelrepo.replica.fallbacks}. */
    public String tag() {
        return tag;
    }
}
