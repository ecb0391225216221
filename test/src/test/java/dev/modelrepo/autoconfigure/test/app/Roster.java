package dev.modelrepo.autoconfigure.test.app;

import java.util.List;
import java.util.Map;

import dev.modelrepo.repository.ModelRepository;

import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.param;

/** A service the slice does not pick up by itself (tests {@code @Import} it): two ways to load teams with players. */
public class Roster {

    private final ModelRepository repository;

    public Roster(ModelRepository repository) {
        this.repository = repository;
    }

    /** One query for the teams and one more per team: the N+1 loop. */
    public Map<String, Integer> playersPerTeamOneByOne() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Team team : this.repository.list(this.repository.query(Team.class, "t").orderBy(asc("t.id")))) {
            List<Player> players = this.repository.list(
                    this.repository.query(Player.class, "p").where(eq("p.team_id", param("team"))),
                    Map.of("team", team.id()));
            counts.put(team.get("name", String.class), players.size());
        }
        return counts;
    }

    /** Two queries whatever the number of teams: the players come with include. */
    public Map<String, Integer> playersPerTeam() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Team team : this.repository.list(this.repository.query(Team.class, "t").include("players").orderBy(asc("t.id")))) {
            counts.put(team.get("name", String.class), team.relatedList("players").size());
        }
        return counts;
    }
}
