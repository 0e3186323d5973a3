-- The board's quorum and the period before a general meeting when reminders go out are the society's
-- rules, not the deployment's. Existing societies keep the values the deployment used until now
-- (COOP_BOARD_QUORUM, COOP_MEETINGS_REMINDER_DAYS, read once by this migration; defaults 2 and 7).
ALTER TABLE society ADD COLUMN board_quorum INT NOT NULL DEFAULT 2;
ALTER TABLE society ADD COLUMN meeting_reminder_days INT NOT NULL DEFAULT 7;
UPDATE society SET board_quorum = ${boardQuorum}, meeting_reminder_days = ${meetingReminderDays};
