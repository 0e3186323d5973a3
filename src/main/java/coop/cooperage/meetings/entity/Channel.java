package coop.cooperage.meetings.entity;

/**
 * How a vote reached us, in order of precedence: when one member votes on one item by more than
 * one channel, the earliest channel in this list wins. A paper or show of hands at the meeting is
 * the member acting in person and beats anything sent ahead; a postal paper is a signed document
 * and beats an online vote; a proxy only votes where the member did not. This precedence is our
 * documented default: a society whose rules say otherwise needs a rule setting, not a code change.
 */
public enum Channel {
    IN_PERSON, POSTAL, ONLINE, PROXY;

    boolean outranks(Channel other) {
        return ordinal() < other.ordinal();
    }
}
