package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/**
 * A table named without a model class, to join by name: {@code inner(table("badges"), "b").on(...)}. Its columns are
 * read from the database's metadata when the query first runs. Built with {@link Q#table}; immutable, with structural
 * equality.
 */
public final class TableRef {

    final Ast.TableName node;

    TableRef(Ast.TableName node) {
        this.node = node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableRef other && node.equals(other.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
