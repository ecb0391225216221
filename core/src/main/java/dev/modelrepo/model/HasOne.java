package dev.modelrepo.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that at most one row of {@link #model()} refers to this model through its foreign-key columns
 * {@link #foreignKey()} (paired in order with this model's primary-key columns), e.g. a customer's one loyalty card:
 * {@code @HasOne(model = LoyaltyCard.class, as = "card", foreignKey = "customer_id")}. It joins, includes and cascades
 * like {@link HasMany}, and reads with {@code related(...)}: the one row, or null when there is none. Two rows for one
 * key are refused with an {@link org.springframework.dao.IncorrectResultSizeDataAccessException} naming the relation
 * and the key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(HasOne.List.class)
public @interface HasOne {

    Class<? extends Model> model();

    /** The relation name used in joins, {@code include} and {@code related(...)}. */
    String as();

    /** The columns of the other model that hold this model's key, in the order of this model's primary key. */
    String[] foreignKey();

    /** Container of repeated {@link HasOne}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        HasOne[] value();
    }
}
