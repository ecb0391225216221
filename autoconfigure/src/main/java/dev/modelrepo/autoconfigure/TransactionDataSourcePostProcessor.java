package dev.modelrepo.autoconfigure;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.modelrepo.dialect.DialectResolver;

/**
 * Gives the application's JDBC transaction managers the DataSource their database's dialect asks for
 * ({@link dev.modelrepo.dialect.Dialect#transactionDataSource}): on SQLite, one whose connections survive a BEGIN that
 * fails while another connection writes, instead of going back to the pool with autocommit off. Other databases keep
 * their DataSource.
 */
final class TransactionDataSourcePostProcessor implements BeanPostProcessor {

    private static final Log logger = LogFactory.getLog(TransactionDataSourcePostProcessor.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceTransactionManager manager && manager.getDataSource() != null) {
            DataSource dataSource = manager.getDataSource();
            try {
                DataSource forTransactions = DialectResolver.resolve(dataSource).transactionDataSource(dataSource);
                if (forTransactions != dataSource) {
                    manager.setDataSource(forTransactions);
                }
            }
            catch (RuntimeException ex) {
                // the database cannot be reached now: the manager keeps its DataSource, modelrepo repairs connections it uses
                logger.debug("Could not detect the dialect of transaction manager '" + beanName + "': " + ex.getMessage());
            }
        }
        return bean;
    }
}
