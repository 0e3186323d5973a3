package coop.cooperage.meetings.entity;

/** How a member attends a meeting. */
public enum AttendanceMode {
    IN_PERSON, ONLINE
}
