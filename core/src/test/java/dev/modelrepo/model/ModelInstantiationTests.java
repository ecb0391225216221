package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/**
 * Models are created through their no-argument constructor, whatever its visibility and whichever class loader
 * defined the model class (a generated factory where possible, reflection otherwise).
 */
class ModelInstantiationTests {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private static final TableMetadata TABLE = new TableMetadata("things", null, false,
            List.of(new ColumnMetadata("id", Types.BIGINT, "BIGINT", 0, 0, false, null, true, true, ColumnKind.BIGINT)));

    @Table(name = "things")
    public static class PublicThing extends Model {
    }

    @Table(name = "things")
    static final class PrivateThing extends Model {

        static int created;

        private PrivateThing() {
            created++;
        }
    }

    @Test
    void everyCallMakesANewEmptyInstance() {
        ModelInfo info = ModelDeclarations.info(PublicThing.class, TABLE);
        Model first = ACCESS.newInstance(info);
        Model second = ACCESS.newInstance(info);
        assertThat(first).isInstanceOf(PublicThing.class).isNotSameAs(second);
        assertThat(first.isNew()).isTrue();
    }

    @Test
    void aPrivateConstructorIsUsed() {
        ModelInfo info = ModelDeclarations.info(PrivateThing.class, TABLE);
        int before = PrivateThing.created;
        assertThat(ACCESS.newInstance(info)).isInstanceOf(PrivateThing.class);
        assertThat(PrivateThing.created).isEqualTo(before + 1);
    }

    @Test
    void aModelFromAnotherClassLoaderIsCreatedToo() throws Exception {
        Class<? extends Model> foreign = new ChildFirst(ForeignThing.class).loadClass(ForeignThing.class.getName()).asSubclass(Model.class);
        assertThat(foreign).isNotSameAs(ForeignThing.class);
        Model created = ACCESS.newInstance(ModelDeclarations.info(foreign, TABLE));
        assertThat(created.getClass()).isSameAs(foreign);
    }

    /** Defines one class itself (from the same bytes), delegating everything else to its parent. */
    private static final class ChildFirst extends ClassLoader {

        private final Class<?> own;

        ChildFirst(Class<?> own) {
            super(own.getClassLoader());
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(own.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = own.getResourceAsStream(own.getName().substring(own.getName().lastIndexOf('.') + 1) + ".class")) {
                    byte[] bytes = in == null ? null : in.readAllBytes();
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
                catch (IOException ex) {
                    throw new ClassNotFoundException(name, ex);
                }
            }
        }
    }
}
