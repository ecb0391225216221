package dev.modelrepo.autoconfigure.aot.models;

import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Convert;
import dev.modelrepo.model.Table;

/** A model with a converter and a relation to a model outside its package, for the AOT tests. */
@Table(name = "invoices")
@Convert(column = "status", converter = StatusConverter.class)
@BelongsTo(model = Widget.class, as = "widget", key = "widget_id")
public class Invoice extends BaseDocument {

    @Override
    protected void afterDelete() {
        // a hook: the repository looks for overridden delete hooks by reflection
    }
}
