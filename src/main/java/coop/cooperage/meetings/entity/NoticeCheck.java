package coop.cooperage.meetings.entity;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a meeting has had the notice the rules require, with both remedies worked out: the
 * earliest date the meeting could lawfully be held for this notice, and the latest date notice
 * could have gone out for this meeting. The secretary needs one or the other, so we give both.
 */
public record NoticeCheck(boolean lawful, long clearDaysGiven, int clearDaysRequired,
        LocalDate earliestMeeting, LocalDate latestSending) {

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
