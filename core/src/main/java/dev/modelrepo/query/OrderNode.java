package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/** An {@link Order} as the DSL builds it: one ORDER BY item of the query AST. */
final class OrderNode implements Order {

    final Ast.OrderItem node;

    OrderNode(Ast.OrderItem node) {
        this.node = node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderNode other && node.equals(other.node);
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
