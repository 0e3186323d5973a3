-- General meetings and what is decided at them: the agenda's resolutions and board elections with
-- their candidates. Votes, ballots and proxies are added by later migrations around these tables.

CREATE TABLE meeting (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id       BIGINT NOT NULL,
    kind             VARCHAR(10) NOT NULL,
    title            VARCHAR(200) NOT NULL,
    -- local time in Europe/London, as printed on the notice
    starts_at        DATETIME NOT NULL,
    ends_at          DATETIME NULL,
    place            VARCHAR(500) NULL,
    online_link      VARCHAR(500) NULL,
    agenda           TEXT NOT NULL,
    -- members on the register at the end of this day may vote
    record_date      DATE NOT NULL,
    notice_sent_on   DATE NULL,
    -- the online poll closes here (default: the end of the meeting)
    poll_closes_at   DATETIME NULL,
    state            VARCHAR(10) NOT NULL DEFAULT 'DRAFT',
    -- an s.111 resolution's second, confirming meeting points at the first
    confirms_meeting_id BIGINT NULL,
    created_at       DATETIME(6) NOT NULL,
    version          BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_meeting_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_meeting_confirms FOREIGN KEY (confirms_meeting_id) REFERENCES meeting (id),
    CONSTRAINT ck_meeting_kind CHECK (kind IN ('AGM', 'GENERAL')),
    CONSTRAINT ck_meeting_place CHECK (place IS NOT NULL OR online_link IS NOT NULL),
    CONSTRAINT ck_meeting_state CHECK (state IN ('DRAFT', 'NOTICED', 'OPEN', 'CLOSED', 'CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_meeting_society ON meeting (society_id, starts_at);

CREATE TABLE meeting_document (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id    BIGINT NOT NULL,
    title         VARCHAR(200) NOT NULL,
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    content       LONGBLOB NOT NULL,
    uploaded_at   DATETIME(6) NOT NULL,
    CONSTRAINT fk_document_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the attendance register: one row per member present, in person or online
CREATE TABLE attendance (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id     BIGINT NOT NULL,
    member_id      BIGINT NOT NULL,
    mode           VARCHAR(10) NOT NULL,
    checked_in_at  DATETIME(6) NOT NULL,
    checked_in_by  BIGINT NULL,
    CONSTRAINT fk_attendance_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT fk_attendance_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT uq_attendance UNIQUE (meeting_id, member_id),
    CONSTRAINT ck_attendance_mode CHECK (mode IN ('IN_PERSON', 'ONLINE'))
) ENGINE=InnoDB;

CREATE TABLE resolution (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id     BIGINT NOT NULL,
    meeting_id     BIGINT NOT NULL,
    position       INT NOT NULL,
    title          VARCHAR(200) NOT NULL,
    text           TEXT NOT NULL,
    proposer       VARCHAR(200) NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    secret         BOOLEAN NOT NULL DEFAULT FALSE,
    state          VARCHAR(10) NOT NULL DEFAULT 'PROPOSED',
    -- the declared result, with its figures
    votes_for      BIGINT NULL,
    votes_against  BIGINT NULL,
    abstentions    BIGINT NULL,
    eligible       BIGINT NULL,
    decided_by     VARCHAR(12) NULL,
    declared_at    DATETIME(6) NULL,
    -- an s.111 resolution passed here is confirmed (or not) by one at a second meeting
    confirms_resolution_id BIGINT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_resolution_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT fk_resolution_confirms FOREIGN KEY (confirms_resolution_id) REFERENCES resolution (id),
    CONSTRAINT uq_resolution_position UNIQUE (meeting_id, position),
    CONSTRAINT ck_resolution_kind CHECK (kind IN ('ORDINARY', 'SPECIAL', 'S111_FIRST_MEETING', 'S111_CONFIRMATION', 'S113')),
    CONSTRAINT ck_resolution_state CHECK (state IN ('PROPOSED', 'OPEN', 'CARRIED', 'LOST', 'WITHDRAWN')),
    CONSTRAINT ck_resolution_decided_by CHECK (decided_by IS NULL OR decided_by IN ('SHOW_OF_HANDS', 'POLL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE election (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id  BIGINT NOT NULL,
    meeting_id  BIGINT NOT NULL,
    title       VARCHAR(200) NOT NULL,
    seats       INT NOT NULL,
    method      VARCHAR(14) NOT NULL,
    secret      BOOLEAN NOT NULL DEFAULT TRUE,
    state       VARCHAR(10) NOT NULL DEFAULT 'NOMINATING',
    -- the count's stage-by-stage report as JSON, kept once declared
    report_json LONGTEXT NULL,
    declared_at DATETIME(6) NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_election_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT ck_election_seats CHECK (seats > 0),
    CONSTRAINT ck_election_method CHECK (method IN ('PLURALITY', 'SCOTTISH_STV', 'MEEK_STV')),
    CONSTRAINT ck_election_state CHECK (state IN ('NOMINATING', 'OPEN', 'DECLARED', 'CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE candidate (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    election_id  BIGINT NOT NULL,
    member_id    BIGINT NOT NULL,
    -- the name as it appears on the ballot (and in the BLT file)
    ballot_name  VARCHAR(200) NOT NULL,
    statement    TEXT NULL,
    position     INT NOT NULL,
    elected      BOOLEAN NULL,
    CONSTRAINT fk_candidate_election FOREIGN KEY (election_id) REFERENCES election (id),
    CONSTRAINT fk_candidate_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT uq_candidate_member UNIQUE (election_id, member_id),
    CONSTRAINT uq_candidate_position UNIQUE (election_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
