package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/** An {@link Order} as the DSL builds it: one ORDER BY item of the query AST. */
final class OrderNode extends AstWrapper<Ast.OrderItem> implements Order {

    OrderNode(Ast.OrderItem node) {
        super(node);
    }
}
