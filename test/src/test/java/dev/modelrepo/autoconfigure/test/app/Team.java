package dev.modelrepo.autoconfigure.test.app;

import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

@Table(name = "teams")
@HasMany(model = Player.class, as = "players", foreignKey = "team_id")
public class Team extends Model {

}
