package dev.modelrepo.autoconfigure.test.app;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

@Table(name = "players")
@BelongsTo(model = Team.class, as = "team", key = "team_id")
public class Player extends Model {

}
