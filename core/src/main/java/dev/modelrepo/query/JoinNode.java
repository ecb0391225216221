package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/** A {@link Join} as the DSL builds it: one join of the query AST. */
final class JoinNode extends AstWrapper<Ast.JoinSpec> implements Join {

    JoinNode(Ast.JoinSpec node) {
        super(node);
    }

    @Override
    public Join on(Condition condition) {
        return new JoinNode(node.withOn(Nodes.cond(condition, "condition")));
    }

    @Override
    public Join through(String relation) {
        return new JoinNode(node.withThrough(relation));
    }

    @Override
    public Join as(String alias) {
        return new JoinNode(node.withAlias(alias));
    }
}
