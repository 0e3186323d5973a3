package coop.cooperage.meetings.entity;

/** An annual general meeting, or any other general meeting. */
public enum MeetingKind {
    AGM, GENERAL
}
