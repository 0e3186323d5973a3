package coop.cooperage.meetings.control;

import coop.cooperage.meetings.control.BallotBox.PollRef;

/**
 * The proxy code: shown once to a member when they appoint a proxy (20 characters, the change
 * code's alphabet and length), never stored. For each secret poll of the meeting the appointment
 * keeps only {@link #keyHash}, which becomes the change hash of the ballot the holder casts for
 * the member, and is then deleted from the appointment. With the code the member can find that
 * ballot's receipt and replace the ballot with their own vote; without it nobody can tell which
 * ballot it was. One code covers every poll of the meeting, yet the hashes differ per poll, so
 * the member's proxy ballots in two polls do not share a value that would pair them.
 */
public final class ProxyCodes {

    private ProxyCodes() {
    }

    public static String newCode() {
        return ReceiptCodes.changeCode();
    }

    /** The hash kept for the poll, from the code as typed; null when it is not a well-formed code. */
    public static byte[] keyHash(String typed, PollRef poll) {
        String code = ReceiptCodes.normaliseChangeCode(typed);
        return code == null ? null : ReceiptCodes.hash("proxy/" + code + "/" + poll.kind().name() + "/" + poll.id());
    }
}
