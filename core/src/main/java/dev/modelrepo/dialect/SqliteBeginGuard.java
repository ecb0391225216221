package dev.modelrepo.dialect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The DataSource a transaction manager should use on SQLite: its connections undo what a failed
 * {@code setAutoCommit(false)} leaves behind. sqlite-jdbc turns its autocommit flag off before it runs BEGIN; when
 * BEGIN fails (SQLITE_BUSY after the busy timeout) the flag stays off with no transaction open, the pool takes the
 * connection back like that, and the next user's plain writes would stay in a transaction nobody commits. As an
 * {@link InfrastructureProxy} it binds transactions to the target DataSource, so repository calls find them.
 */
final class SqliteBeginGuard extends DelegatingDataSource implements InfrastructureProxy {

    SqliteBeginGuard(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guard(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guard(super.getConnection(username, password));
    }

    @Override
    public Object getWrappedObject() {
        // Spring unwraps one level only: hand out the innermost target when wrapping another proxy.
        DataSource target = obtainTargetDataSource();
        return target instanceof InfrastructureProxy proxy ? proxy.getWrappedObject() : target;
    }

    private static Connection guard(Connection target) {
        return (Connection) Proxy.newProxyInstance(SqliteBeginGuard.class.getClassLoader(), new Class<?>[] { Connection.class },
                new Handler(target));
    }

    private record Handler(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "SQLite begin guard of " + target;
                case "setAutoCommit":
                    if (!(Boolean) args[0]) {
                        beginTransaction();
                        return null;
                    }
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getTargetException();
            }
        }

        private void beginTransaction() throws SQLException {
            try {
                target.setAutoCommit(false);
            }
            catch (SQLException ex) {
                if (!SqliteTransactionModes.driverAutoCommit(target)) {
                    try {
                        SqliteTransactionModes.restoreAutoCommit(target);
                    }
                    catch (SQLException repair) {
                        ex.addSuppressed(repair);
                    }
                }
                throw ex;
            }
        }
    }
}
