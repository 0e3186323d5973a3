package coop.cooperage.meetings.entity;

/** The one vote that counts for a member on an item, and the channel it came by. */
public record CountedVote(long member, String item, VoteChoice choice, Channel channel) {
}
