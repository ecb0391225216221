package dev.modelrepo.autoconfigure.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A real DataSource that records every SQL string its connections prepare: what reached the driver. */
final class StatementRecordingDataSource extends DelegatingDataSource {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    StatementRecordingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection target = super.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        this.statements.add(sql);
                    }
                    try {
                        return method.invoke(target, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }

    /** The statements prepared so far on this table (its quoted name: H2 keeps unquoted names in upper case). */
    List<String> on(String table) {
        String quoted = "\"" + table.toUpperCase(java.util.Locale.ROOT) + "\"";
        return this.statements.stream().filter((sql) -> sql.contains(quoted)).toList();
    }

    void clear() {
        this.statements.clear();
    }
}
