package coop.cooperage.meetings.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date that fixes who may vote: the members on the register at the END of that day. So a
 * member admitted on the record date votes, and one who ceases on it does not. Fixing the
 * electorate on a date, not at the moment of voting, means the voters' roll cannot move under a
 * count already running.
 */
public record RecordDate(LocalDate date) {

    public RecordDate {
        Objects.requireNonNull(date, "record date");
    }

    /**
     * @param joinedOn the day the member was entered on the register; null if never admitted
     * @param ceasedOn the day membership ended; null while still a member
     */
    public boolean entitles(LocalDate joinedOn, LocalDate ceasedOn) {
        return joinedOn != null && !joinedOn.isAfter(date) && (ceasedOn == null || ceasedOn.isAfter(date));
    }
}
