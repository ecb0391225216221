package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/** A {@link Condition} as the DSL builds it: one condition node of the query AST. */
final class ConditionNode extends AstWrapper<Ast.Cond> implements Condition {

    ConditionNode(Ast.Cond node) {
        super(node);
    }
}
