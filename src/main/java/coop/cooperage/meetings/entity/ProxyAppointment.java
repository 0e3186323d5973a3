package coop.cooperage.meetings.entity;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One member's appointment of a proxy, with the member's direction on each item they chose to
 * direct; on any other item the holder votes at their discretion.
 */
public record ProxyAppointment(long appointer, ProxyHolder holder, Map<String, VoteChoice> directions, ZonedDateTime lodgedAt) {

    public ProxyAppointment {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(lodgedAt, "lodgedAt");
        directions = Map.copyOf(directions);
    }

    /** The member's direction on the item; empty means the holder decides. */
    public Optional<VoteChoice> directionOn(String item) {
        return Optional.ofNullable(directions.get(item));
    }
}
