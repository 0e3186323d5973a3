package coop.cooperage.meetings.entity;

/** A vote that cannot be accepted (poll closed, voter not on the roll); the message says why. */
public class VoteRefusedException extends RuntimeException {

    public VoteRefusedException(String message) {
        super(message);
    }
}
