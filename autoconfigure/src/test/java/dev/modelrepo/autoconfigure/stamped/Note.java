package dev.modelrepo.autoconfigure.stamped;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A test model whose created_at/updated_at the SQLite timestamps changelog declares as Liquibase TIMESTAMPs. */
@Table(name = "notes")
public class Note extends Model {

}
