package coop.cooperage.meetings.entity;

import java.time.Instant;
import java.util.Objects;

/** One vote as submitted by a member on one item, by one channel, at one moment. */
public record Submission(long member, String item, Channel channel, Instant at, VoteChoice choice) {

    public Submission {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(choice, "choice");
    }
}
