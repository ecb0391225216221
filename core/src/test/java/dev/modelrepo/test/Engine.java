package dev.modelrepo.test;

/** A database engine that the engine-parameterised tests run against. */
public enum Engine {
    H2("h2", true),
    SQLITE("sqlite", true),
    POSTGRESQL("postgresql", true),
    MARIADB("mariadb", true),
    MYSQL("mysql", false);

    private final String displayName;
    private final boolean requiredInCi;

    Engine(String displayName, boolean requiredInCi) {
        this.displayName = displayName;
        this.requiredInCi = requiredInCi;
    }

    /** The lower-case name used in test display names, e.g. {@code postgresql}. */
    public String displayName() {
        return displayName;
    }

    /** Whether a missing server fails the test under {@code CI=true} instead of skipping it. */
    boolean requiredInCi() {
        return requiredInCi;
    }

    /** Whether the engine runs inside the JVM and so is always available. */
    boolean embedded() {
        return this == H2 || this == SQLITE;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
