package dev.modelrepo.dialect;

import dev.modelrepo.lock.LockOptions;

/** H2 2.x: array binds for IN lists, FOR UPDATE with NOWAIT, WAIT n and SKIP LOCKED. */
public class H2Dialect extends AnsiDialect {

    public static final H2Dialect INSTANCE = new H2Dialect();

    protected H2Dialect() {
        super("h2", "H2");
    }

    @Override
    public InListStrategy inListStrategy() {
        return InListStrategy.ARRAY;
    }

    @Override
    protected String waitSql(LockOptions options) {
        if (options.waitPolicy() == dev.modelrepo.lock.LockWait.WAIT) {
            return " WAIT " + waitSeconds(options);
        }
        return super.waitSql(options);
    }
}
