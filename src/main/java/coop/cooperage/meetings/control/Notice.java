package coop.cooperage.meetings.control;

import coop.cooperage.meetings.entity.NoticeCheck;
import java.time.LocalDate;

/**
 * Notice of general meetings in CLEAR days: neither the day notice is served nor the day of the
 * meeting counts, so 14 clear days from the 1st means a meeting on the 16th at the earliest.
 *
 * <p>Some rules deem notice sent by post served a number of days after posting. No society's
 * rules are assumed to say so: {@code postalDeemedDays} is a per-society option the caller passes,
 * and the three-argument form is the same as passing 0 (notice served the day it is sent). It is
 * not yet a field of {@code SocietyRules}; adding it needs a migration.
 */
public final class Notice {

    private Notice() {
    }

    /**
     * Whether members who are not officers may read the notice (and so the agenda) of a meeting:
     * only once notice has been given. A draft is the officers' working paper; a meeting cancelled
     * before notice went out was never announced.
     */
    public static boolean readableByMembers(coop.cooperage.meetings.entity.Meeting meeting) {
        return switch (meeting.state()) {
            case NOTICED, OPEN, CLOSED -> true;
            case CANCELLED -> meeting.noticeSentOn() != null;
            case DRAFT -> false;
        };
    }

    public static NoticeCheck check(LocalDate sentOn, LocalDate meetingOn, int clearDays) {
        return check(sentOn, meetingOn, clearDays, 0);
    }

    public static NoticeCheck check(LocalDate sentOn, LocalDate meetingOn, int clearDays, int postalDeemedDays) {
        return NoticeCheck.of(sentOn, meetingOn, clearDays, postalDeemedDays);
    }

    /** The first day a meeting may be held when notice is served on {@code servedOn}. */
    public static LocalDate earliestMeeting(LocalDate servedOn, int clearDays) {
        requireNonNegative(clearDays, "clear days");
        return servedOn.plusDays(clearDays + 1L);
    }

    /** The last day notice may be served for a meeting on {@code meetingOn}. */
    public static LocalDate latestSending(LocalDate meetingOn, int clearDays) {
        requireNonNegative(clearDays, "clear days");
        return meetingOn.minusDays(clearDays + 1L);
    }

    private static void requireNonNegative(int days, String what) {
        if (days < 0) {
            throw new IllegalArgumentException("Number of " + what + " cannot be negative: " + days);
        }
    }
}
