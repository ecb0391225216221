package dev.modelrepo.autoconfigure.replica.models;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A view that says whether the server answering is a standby: {@code pg_is_in_recovery()}. */
@Table(name = "server_role")
public class ServerRole extends Model {

    public boolean standby() {
        return get("standby", Boolean.class);
    }
}
