-- Notice of general meetings and decisions of the board.

-- an email may carry an iCalendar invitation (RFC 5545 text), sent as a text/calendar part
ALTER TABLE mail_outbox ADD COLUMN calendar MEDIUMTEXT NULL;

-- who was given notice of a meeting, and how: one row per member, so sending again never
-- emails anyone twice and the letters can be printed again
CREATE TABLE meeting_notice (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id  BIGINT NOT NULL,
    meeting_id  BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    channel     VARCHAR(6) NOT NULL,
    sent_on     DATE NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_notice_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT fk_notice_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT uq_notice UNIQUE (meeting_id, member_id),
    CONSTRAINT ck_notice_channel CHECK (channel IN ('EMAIL', 'LETTER'))
) ENGINE=InnoDB;
CREATE INDEX ix_notice_channel ON meeting_notice (meeting_id, channel, member_id);

-- reminders sent: at most one per member per meeting, whichever instance runs the job
CREATE TABLE meeting_reminder (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id  BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    sent_at     DATETIME(6) NOT NULL,
    CONSTRAINT fk_reminder_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT fk_reminder_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT uq_reminder UNIQUE (meeting_id, member_id)
) ENGINE=InnoDB;

CREATE TABLE board_meeting (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id  BIGINT NOT NULL,
    held_on     DATE NOT NULL,
    place       VARCHAR(500) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_board_meeting_society FOREIGN KEY (society_id) REFERENCES society (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_board_meeting_society ON board_meeting (society_id, held_on);

-- the directors present, as entries of the register of officers
CREATE TABLE board_attendance (
    board_meeting_id  BIGINT NOT NULL,
    appointment_id    BIGINT NOT NULL,
    PRIMARY KEY (board_meeting_id, appointment_id),
    CONSTRAINT fk_board_attendance_meeting FOREIGN KEY (board_meeting_id) REFERENCES board_meeting (id),
    CONSTRAINT fk_board_attendance_officer FOREIGN KEY (appointment_id) REFERENCES officer_appointment (id)
) ENGINE=InnoDB;

-- a directors' resolution: an item at a board meeting, a written resolution circulated to the
-- directors, or a decision recorded by another part of the system (an allotment, a withdrawal)
CREATE TABLE board_item (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id       BIGINT NOT NULL,
    board_meeting_id BIGINT NULL,
    kind             VARCHAR(8) NOT NULL,
    text             TEXT NOT NULL,
    state            VARCHAR(10) NOT NULL,
    circulated_on    DATE NULL,
    decided_on       DATE NULL,
    votes_for        INT NULL,
    votes_against    INT NULL,
    abstentions      INT NULL,
    created_by       VARCHAR(254) NOT NULL,
    created_at       DATETIME(6) NOT NULL,
    version          BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_board_item_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_board_item_meeting FOREIGN KEY (board_meeting_id) REFERENCES board_meeting (id),
    CONSTRAINT ck_board_item_kind CHECK (kind IN ('MEETING', 'WRITTEN', 'RECORDED')),
    CONSTRAINT ck_board_item_state CHECK (state IN ('OPEN', 'CARRIED', 'LOST', 'PASSED', 'FAILED')),
    CONSTRAINT ck_board_item_meeting CHECK ((kind = 'MEETING') = (board_meeting_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_board_item_society ON board_item (society_id, id);

CREATE TABLE board_conflict (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    item_id         BIGINT NOT NULL,
    appointment_id  BIGINT NOT NULL,
    interest        VARCHAR(500) NOT NULL,
    declared_at     DATETIME(6) NOT NULL,
    CONSTRAINT fk_board_conflict_item FOREIGN KEY (item_id) REFERENCES board_item (id),
    CONSTRAINT fk_board_conflict_officer FOREIGN KEY (appointment_id) REFERENCES officer_appointment (id),
    CONSTRAINT uq_board_conflict UNIQUE (item_id, appointment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- one vote per director per item, enforced here and not only in code
CREATE TABLE board_vote (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    item_id         BIGINT NOT NULL,
    appointment_id  BIGINT NOT NULL,
    choice          VARCHAR(7) NOT NULL,
    cast_at         DATETIME(6) NOT NULL,
    recorded_by     VARCHAR(254) NOT NULL,
    CONSTRAINT fk_board_vote_item FOREIGN KEY (item_id) REFERENCES board_item (id),
    CONSTRAINT fk_board_vote_officer FOREIGN KEY (appointment_id) REFERENCES officer_appointment (id),
    CONSTRAINT uq_board_vote UNIQUE (item_id, appointment_id),
    CONSTRAINT ck_board_vote_choice CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN'))
) ENGINE=InnoDB;
