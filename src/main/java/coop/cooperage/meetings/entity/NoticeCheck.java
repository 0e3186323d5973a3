package coop.cooperage.meetings.entity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Whether a meeting has had the notice the rules require, with both remedies worked out: the
 * earliest date the meeting could lawfully be held for this notice, and the latest date notice
 * could have gone out for this meeting. The secretary needs one or the other, so we give both.
 */
public record NoticeCheck(boolean lawful, long clearDaysGiven, int clearDaysRequired,
        LocalDate earliestMeeting, LocalDate latestSending) {

    /**
     * The clear-days rule itself: notice served on {@code sentOn} plus {@code postalDeemedDays}, and
     * the days strictly between service and the meeting must be at least {@code clearDays}. Lives here
     * (not in control) so the entity that changes state on notice can apply it itself.
     */
    public static NoticeCheck of(LocalDate sentOn, LocalDate meetingOn, int clearDays, int postalDeemedDays) {
        if (clearDays < 0 || postalDeemedDays < 0) {
            throw new IllegalArgumentException("Number of clear days or postal deemed days cannot be negative: "
                    + clearDays + ", " + postalDeemedDays);
        }
        LocalDate servedOn = sentOn.plusDays(postalDeemedDays);
        // days strictly between service and meeting; a meeting on or before service day has none
        long given = Math.max(0, ChronoUnit.DAYS.between(servedOn, meetingOn) - 1);
        boolean lawful = meetingOn.isAfter(servedOn) && given >= clearDays;
        return new NoticeCheck(lawful, given, clearDays, servedOn.plusDays(clearDays + 1L),
                meetingOn.minusDays(clearDays + 1L).minusDays(postalDeemedDays));
    }

    /** Why the notice falls short, in words a secretary can act on; empty when it is lawful. */
    public Optional<String> refusal() {
        if (lawful) {
            return Optional.empty();
        }
        return Optional.of("Notice gives " + clearDaysGiven + " clear days but the rules require "
                + clearDaysRequired + ": hold the meeting on " + earliestMeeting + " or later, or send notice on "
                + latestSending + " or earlier");
    }
}
