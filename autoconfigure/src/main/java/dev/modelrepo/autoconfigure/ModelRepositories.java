package dev.modelrepo.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.bulk.BulkOptions;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.observation.SqlCommenter;
import dev.modelrepo.observation.SqlLogSettings;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.types.ValueCoercion;

/**
 * Builds {@link ModelRepository repositories} the way the auto-configuration builds its own: with the
 * {@code modelrepo.*} properties (query cache size, query timeout, model packages, SQL log masking, slow-query
 * threshold and comments, bulk batch size), the application's
 * {@link ModelListener} beans and {@link Clock}, and every {@link ModelRepositoryBuilderCustomizer} (which wires
 * the {@code modelrepo.query} observations). The auto-configured bean of this type is how an application with
 * several DataSources gets one repository per DataSource:
 *
 * <pre>{@code
 * @Bean
 * @DependsOnDatabaseInitialization
 * ModelRepository reportingRepository(ModelRepositories repositories, @Qualifier("reporting") DataSource reporting) {
 *     return repositories.builder(reporting).modelPackages("com.example.reporting").build();
 * }
 * }</pre>
 *
 * The auto-configured repository (with its dialect, registry and query cache) backs off as soon as the
 * application defines a ModelRepository bean of its own, so with several DataSources define each one this way.
 */
public class ModelRepositories {

    private static final Log logger = LogFactory.getLog(ModelRepositories.class);

    private final ModelRepositoryProperties properties;

    private final List<String> defaultModelPackages;

    private final ObjectProvider<ModelRepositoryBuilderCustomizer> customizers;

    private final ObjectProvider<ModelListener> listeners;

    private final ObjectProvider<Clock> clock;

    private final ValueCoercion coercion;

    private final @Nullable SqlCommenter commenter;

    /**
     * @param defaultModelPackages the packages scanned when neither the builder nor {@code modelrepo.model-packages}
     * names any (the application's auto-configuration packages)
     */
    public ModelRepositories(ModelRepositoryProperties properties, List<String> defaultModelPackages,
            ObjectProvider<ModelRepositoryBuilderCustomizer> customizers, ObjectProvider<ModelListener> listeners,
            ObjectProvider<Clock> clock) {
        this(properties, defaultModelPackages, customizers, listeners, clock, defaultCoercion());
    }

    /**
     * @param coercion how models convert the values they are given (ISO dates, numeric text…): the application's
     * {@link ValueCoercion} bean, else one over Spring Boot's shared {@link ApplicationConversionService}
     */
    public ModelRepositories(ModelRepositoryProperties properties, List<String> defaultModelPackages,
            ObjectProvider<ModelRepositoryBuilderCustomizer> customizers, ObjectProvider<ModelListener> listeners,
            ObjectProvider<Clock> clock, ValueCoercion coercion) {
        this(properties, defaultModelPackages, customizers, listeners, clock, coercion, null);
    }

    /**
     * @param commenter the tags appended to every statement when {@code modelrepo.sql.comments} is true (the
     * application's {@link SqlCommenter} bean); null for none
     */
    public ModelRepositories(ModelRepositoryProperties properties, List<String> defaultModelPackages,
            ObjectProvider<ModelRepositoryBuilderCustomizer> customizers, ObjectProvider<ModelListener> listeners,
            ObjectProvider<Clock> clock, ValueCoercion coercion, @Nullable SqlCommenter commenter) {
        this.commenter = commenter;
        this.properties = Objects.requireNonNull(properties, "properties must not be null");
        this.defaultModelPackages = List.copyOf(defaultModelPackages);
        this.customizers = customizers;
        this.listeners = listeners;
        this.clock = clock;
        this.coercion = Objects.requireNonNull(coercion, "coercion must not be null");
    }

    /** The coercion of Spring Boot applications: ISO dates, numbers and booleans parsed by its shared conversion service. */
    public static ValueCoercion defaultCoercion() {
        return ValueCoercion.of(ApplicationConversionService.getSharedInstance());
    }

    /** How the models of the repositories built here convert the values they are given. */
    public ValueCoercion coercion() {
        return this.coercion;
    }

    /** A builder of a repository over this DataSource, with the application's settings. */
    public Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource must not be null"));
    }

    /** The model packages a builder scans when it is not told otherwise. */
    public List<String> modelPackages() {
        return this.properties.getModelPackages().isEmpty() ? this.defaultModelPackages
                : List.copyOf(this.properties.getModelPackages());
    }

    /** A repository over one DataSource; every setting not given comes from the application's. */
    public final class Builder {

        private final DataSource dataSource;

        private @Nullable Dialect dialect;

        private @Nullable ModelRegistry registry;

        private @Nullable QueryCache queryCache;

        private @Nullable PlatformTransactionManager transactionManager;

        private @Nullable List<String> modelPackages;

        private final List<Consumer<ModelRepository.Builder>> tweaks = new ArrayList<>();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The dialect; detected from this DataSource when not set ({@code modelrepo.dialect} names the engine of
         * the auto-configured repository only).
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
            return this;
        }

        /**
         * The packages whose {@code @Table} models live in this DataSource; their tables are read (and checked)
         * when the repository is built. {@code modelrepo.model-packages}, else the application's packages, when
         * not set.
         */
        public Builder modelPackages(String... packages) {
            this.modelPackages = List.copyOf(Arrays.asList(packages));
            return this;
        }

        /** A registry made elsewhere (it must use the same DataSource and dialect); no packages are scanned then. */
        public Builder registry(ModelRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry must not be null");
            return this;
        }

        /** The query cache; a new one of {@code modelrepo.query-cache.max-size} entries when not set. */
        public Builder queryCache(QueryCache queryCache) {
            this.queryCache = Objects.requireNonNull(queryCache, "queryCache must not be null");
            return this;
        }

        /**
         * The transaction manager of this DataSource, used by the repository's own transactions
         * ({@code inTransaction}, cascades, locks); a JdbcTransactionManager over the DataSource when not set.
         * {@code @Transactional} code must name the same one ({@code @Transactional("reportingTransactionManager")}).
         */
        public Builder transactionManager(PlatformTransactionManager transactionManager) {
            this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager must not be null");
            return this;
        }

        /** A last change to core's builder, after the application's settings and customizers. */
        public Builder customize(Consumer<ModelRepository.Builder> tweak) {
            this.tweaks.add(Objects.requireNonNull(tweak, "tweak must not be null"));
            return this;
        }

        /** Builds the repository; reads the metadata of every model's table now, so a missing one fails here. */
        public ModelRepository build() {
            Dialect dialect = (this.dialect != null) ? this.dialect
                    : (this.registry != null) ? this.registry.dialect() : DialectResolver.resolve(this.dataSource);
            ModelRegistry registry = (this.registry != null) ? this.registry : scannedRegistry(this.dataSource, dialect,
                    (this.modelPackages != null) ? this.modelPackages : ModelRepositories.this.modelPackages(),
                    ModelRepositories.this.coercion);
            QueryCache cache = (this.queryCache != null) ? this.queryCache
                    : new QueryCache(ModelRepositories.this.properties.getQueryCache().getMaxSize());
            ModelRepository.Builder builder = ModelRepository.builder(this.dataSource)
                .dialect(dialect)
                .registry(registry)
                .queryCache(cache)
                .clock(ModelRepositories.this.clock.getIfAvailable(Clock::systemUTC))
                .queryTimeout(ModelRepositories.this.properties.getQueryTimeout())
                .sqlLogging(sqlLogSettings(ModelRepositories.this.properties.getSql(), ModelRepositories.this.commenter))
                .bulkDefaults(bulkDefaults(ModelRepositories.this.properties.getBulk()))
                .listeners(ModelRepositories.this.listeners.orderedStream().toList())
                .transactionManager((this.transactionManager != null) ? this.transactionManager
                        : new JdbcTransactionManager(dialect.transactionDataSource(this.dataSource)));
            ModelRepositories.this.customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
            this.tweaks.forEach((tweak) -> tweak.accept(builder));
            return builder.build();
        }
    }

    static SqlLogSettings sqlLogSettings(ModelRepositoryProperties.Sql sql, @Nullable SqlCommenter commenter) {
        return SqlLogSettings.defaults().maskedColumns(sql.getMaskedColumns()).slowQueryThreshold(sql.getSlowQueryThreshold())
            .comments(sql.isComments() ? commenter : null);
    }

    static BulkOptions bulkDefaults(ModelRepositoryProperties.Bulk bulk) {
        Integer batchSize = bulk.getBatchSize();
        return (batchSize != null) ? BulkOptions.defaults().batchSize(batchSize) : BulkOptions.defaults();
    }

    /**
     * A registry of the {@code @Table} models in these packages, their tables read now (so a missing one fails
     * here); with no packages, models register on first use.
     */
    static ModelRegistry scannedRegistry(DataSource dataSource, Dialect dialect, List<String> packages,
            ValueCoercion coercion) {
        ModelRegistry registry = new ModelRegistry(dataSource, dialect, coercion);
        if (packages.isEmpty()) {
            logger.debug("No model packages to scan: set modelrepo.model-packages; models register on first use");
        }
        else {
            registry.scan(packages.toArray(String[]::new));
        }
        registry.loadAll();
        return registry;
    }
}
