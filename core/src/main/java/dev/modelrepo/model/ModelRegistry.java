package dev.modelrepo.model;

import dev.modelrepo.internal.Arguments;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.util.ClassUtils;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.schema.MetadataReader;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.types.ValueCoercion;

/**
 * Binds model classes to the metadata of their tables in one database. One registry per DataSource; nothing
 * is static, so two application contexts or two databases never interfere. Metadata is read on first use
 * (or all at once by {@link #loadAll()}, after migrations) and cached.
 */
public final class ModelRegistry {

    static {
        RegistryAccess.install(new Access());
    }

    private final @Nullable DataSource dataSource;

    private final Dialect dialect;

    private final MetadataReader reader;

    private final ValueCoercion coercion;

    private final Map<Class<?>, ModelInfo> models = new ConcurrentHashMap<>();

    private final Map<String, TableMetadata> tables = new ConcurrentHashMap<>();

    private final List<Class<? extends Model>> registered = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ModelRegistry(DataSource dataSource, Dialect dialect) {
        this(dataSource, dialect, ValueCoercion.standard());
    }

    /**
     * A registry whose models convert the values given to {@code set}, {@code build}, bulk rows and parameters with
     * this coercion (e.g. {@code ValueCoercion.of(ApplicationConversionService.getSharedInstance())}).
     */
    public ModelRegistry(DataSource dataSource, Dialect dialect, ValueCoercion coercion) {
        this.dataSource = Arguments.notNull(dataSource, "dataSource");
        this.dialect = dialect;
        this.coercion = Arguments.notNull(coercion, "coercion");
        this.reader = new MetadataReader(dialect, coercion);
    }

    private ModelRegistry(Dialect dialect) {
        this.dataSource = null;
        this.dialect = dialect;
        this.coercion = ValueCoercion.standard();
        this.reader = new MetadataReader(dialect, coercion);
    }

    /**
     * A registry without a database, whose tables are all given with {@link #define}: for rendering SQL of a
     * dialect no server is at hand for (tests, tooling).
     */
    public static ModelRegistry offline(Dialect dialect) {
        return new ModelRegistry(dialect);
    }

    /**
     * Gives a model's table metadata instead of reading it from the database; columns get this registry
     * dialect's readers and binders.
     */
    public ModelRegistry define(Class<? extends Model> type, TableMetadata metadata) {
        ModelDeclarations.table(type);
        if (!registered.contains(type)) {
            registered.add(type);
        }
        models.put(type, ModelDeclarations.info(type, reader.prepare(metadata)));
        return this;
    }

    /**
     * Gives the metadata of a table that no model class maps, for joins by table name, instead of reading it from the
     * database (an {@link #offline} registry has no other way to know it).
     */
    public ModelRegistry define(TableMetadata metadata) {
        String key = (metadata.storedSchema() == null ? "" : metadata.storedSchema() + ".") + metadata.name().toLowerCase(java.util.Locale.ROOT);
        tables.put(key, reader.prepare(metadata));
        return this;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** How the models of this registry convert the values they are given. */
    public ValueCoercion coercion() {
        return coercion;
    }

    /** The DataSource metadata is read from; null for an {@link #offline} registry. */
    public @Nullable DataSource dataSource() {
        return dataSource;
    }

    /** Registers model classes (their metadata is read on first use or by {@link #loadAll()}). */
    @SafeVarargs
    public final ModelRegistry register(Class<? extends Model>... types) {
        for (Class<? extends Model> type : types) {
            ModelDeclarations.table(type);
            if (!registered.contains(type)) {
                registered.add(type);
            }
        }
        return this;
    }

    /** Registers every {@link Table}-annotated model class in these packages and below. */
    public ModelRegistry scan(String... basePackages) {
        return scan(ClassUtils.getDefaultClassLoader(), basePackages);
    }

    /** Registers every {@link Table}-annotated model class in these packages, loading classes with this class loader. */
    public ModelRegistry scan(@Nullable ClassLoader loader, String... basePackages) {
        for (Class<? extends Model> type : modelTypesIn(loader, basePackages)) {
            register(type);
        }
        return this;
    }

    /**
     * The {@link Table}-annotated model classes in these packages, without a registry or a database (for build-time
     * tools such as the AOT processor).
     */
    public static List<Class<? extends Model>> modelTypesIn(@Nullable ClassLoader loader, String... basePackages) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        if (loader != null) {
            scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(loader));
        }
        scanner.addIncludeFilter(new AnnotationTypeFilter(Table.class));
        List<Class<? extends Model>> types = new ArrayList<>();
        for (String base : basePackages) {
            for (var candidate : scanner.findCandidateComponents(base)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), loader);
                if (Model.class.isAssignableFrom(type)) {
                    ModelDeclarations.table(type);
                    types.add(type.asSubclass(Model.class));
                }
            }
        }
        return types;
    }

    /** The registered model classes. */
    public List<Class<? extends Model>> modelTypes() {
        return List.copyOf(registered);
    }

    /**
     * Reads the metadata of every registered model now and checks what each declares against its table: fails with
     * one {@link UnknownTableException} naming every model whose table is missing, else with one
     * {@link ModelDeclarationException} listing every version column, relation key, {@code @Convert} column and
     * {@code @Table(readBack)} column its table does not have (with missing tables, that one is attached as suppressed).
     */
    public void loadAll() {
        prefetch();
        List<UnknownTableException> missing = new ArrayList<>();
        List<ModelInfo> loaded = new ArrayList<>();
        for (Class<? extends Model> type : registered) {
            try {
                loaded.add(info(type));
            }
            catch (UnknownTableException ex) {
                missing.add(ex);
            }
        }
        List<ModelDeclarationException.Problem> problems = DeclarationChecks.problems(loaded, this::info, ex -> {
            if (missing.stream().noneMatch(m -> m.modelName().equals(ex.modelName()))) {
                missing.add(ex);
            }
        });
        ModelDeclarationException declarations = problems.isEmpty() ? null : new ModelDeclarationException(problems);
        if (!missing.isEmpty()) {
            UnknownTableException ex = missing.size() == 1 ? missing.get(0) : new UnknownTableException(missing);
            if (declarations != null) {
                ex.addSuppressed(declarations);
            }
            throw ex;
        }
        if (declarations != null) {
            throw declarations;
        }
    }

    /** Forgets cached metadata, e.g. after a migration changed tables. */
    public void refresh() {
        models.clear();
        tables.clear();
    }

    /** The table metadata of a model class. */
    public TableMetadata table(Class<? extends Model> type) {
        return info(type).metadata();
    }

    /**
     * The binding of a model class; a {@link Table}-annotated class is registered on first use. The layers above
     * reach it through {@link RegistryAccess}.
     */
    ModelInfo info(Class<?> type) {
        ModelInfo info = models.get(type);
        if (info != null) {
            return info;
        }
        Table table = ModelDeclarations.table(type);
        Class<? extends Model> modelType = type.asSubclass(Model.class);
        if (!registered.contains(modelType)) {
            registered.add(modelType);
        }
        String schema = table.schema().isEmpty() ? null : table.schema();
        TableMetadata metadata = tableMetadata(table.name(), schema, type.getSimpleName());
        return models.computeIfAbsent(type, t -> ModelDeclarations.info(modelType, metadata));
    }

    /** The metadata of any table by name (for joins by table), failing when it does not exist. */
    public TableMetadata tableMetadata(String name, @Nullable String schema, String usedBy) {
        String key = tableKey(name, schema);
        TableMetadata cached = tables.get(key);
        if (cached != null) {
            return cached;
        }
        TableMetadata loaded = load(name, schema, usedBy);
        tables.putIfAbsent(key, loaded);
        return loaded;
    }

    /**
     * Reads the tables of the registered models that are not cached yet, schema by schema, in one schema-wide pass
     * where the dialect can and at least {@value #SCHEMA_READ_MIN_TABLES} tables of a schema are wanted (start-up with
     * many models); a table it does not find is left to {@link #load}, which names it.
     */
    private void prefetch() {
        if (dataSource == null) {
            return;
        }
        Map<String, List<String>> wanted = new java.util.LinkedHashMap<>();
        for (Class<? extends Model> type : registered) {
            Table table = ModelDeclarations.table(type);
            String schema = table.schema();
            if (!models.containsKey(type) && !tables.containsKey(tableKey(table.name(), schema.isEmpty() ? null : schema))) {
                wanted.computeIfAbsent(schema, s -> new ArrayList<>()).add(table.name());
            }
        }
        wanted.forEach((schema, names) -> {
            if (names.size() < SCHEMA_READ_MIN_TABLES) {
                return;
            }
            String named = schema.isEmpty() ? null : schema;
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                reader.readAll(connection, names, named).forEach((name, table) -> tables.putIfAbsent(tableKey(name, named), table));
            }
            catch (SQLException ex) {
                var translated = dialect.exceptionTranslator().translate("read metadata of schema " + schema, null, ex);
                throw translated != null ? translated : new org.springframework.jdbc.UncategorizedSQLException("read metadata", null, ex);
            }
            finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    /** Fewer tables of a schema than this are read one by one even by {@link #loadAll}. */
    static final int SCHEMA_READ_MIN_TABLES = 16;

    private static String tableKey(String name, @Nullable String schema) {
        return (schema == null ? "" : schema + ".") + name.toLowerCase(java.util.Locale.ROOT);
    }

    private TableMetadata load(String name, @Nullable String schema, String usedBy) {
        if (dataSource == null) {
            throw new UnknownTableException(usedBy, name, "this offline registry (define the table first)");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            TableMetadata metadata = reader.read(connection, name, schema);
            if (metadata == null) {
                throw new UnknownTableException(usedBy, schema == null ? name : schema + "." + name, describe(connection));
            }
            return metadata;
        }
        catch (SQLException ex) {
            var translated = dialect.exceptionTranslator().translate("read metadata of table " + name, null, ex);
            throw translated != null ? translated : new org.springframework.jdbc.UncategorizedSQLException("read metadata", null, ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String describe(Connection connection) {
        try {
            var md = connection.getMetaData();
            return md.getDatabaseProductName() + " at " + md.getURL();
        }
        catch (SQLException ex) {
            return "the database";
        }
    }

    /** The models loaded so far, for diagnostics. */
    public Collection<String> loadedTables() {
        List<String> names = new ArrayList<>();
        models.values().forEach(m -> names.add(m.metadata().name()));
        return names;
    }

    /** The {@link RegistryAccess} the layers above use to reach a registry's model infos. */
    private static final class Access extends RegistryAccess<ModelRegistry> {

        Access() {
            super(ModelRegistry.class);
        }

        @Override
        public ModelInfo info(ModelRegistry registry, Class<?> type) {
            return registry.info(type);
        }
    }
}
