-- Open votes on resolutions, proxies and what proxy holders chose, for general meetings.

-- The ONE vote that counts for a member on a resolution, whatever channel it came by. A later or
-- stronger vote replaces the row (never adds one), so one member one vote is this table's unique
-- key, not a rule in code. precedence orders submissions: channel first (in person > postal >
-- online > proxy), then time, so an upsert keeps the greater without reading first.
CREATE TABLE resolution_vote (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    resolution_id  BIGINT NOT NULL,
    member_id      BIGINT NOT NULL,
    channel        VARCHAR(10) NOT NULL,
    choice         VARCHAR(7) NOT NULL,
    cast_at        DATETIME(6) NOT NULL,
    precedence     BIGINT NOT NULL,
    -- the account that entered it: the member online, the secretary for paper, postal and proxies
    recorded_by    VARCHAR(254) NULL,
    CONSTRAINT fk_vote_resolution FOREIGN KEY (resolution_id) REFERENCES resolution (id),
    CONSTRAINT fk_vote_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT uq_vote_one_per_member UNIQUE (resolution_id, member_id),
    CONSTRAINT ck_vote_channel CHECK (channel IN ('IN_PERSON', 'POSTAL', 'ONLINE', 'PROXY')),
    CONSTRAINT ck_vote_choice CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN'))
) ENGINE=InnoDB;

-- A member's appointment of a proxy for one meeting: the chair (holder_member_id NULL) or another
-- member. Replaced or revoked appointments are kept, with when, as the proxy book's history.
CREATE TABLE proxy_appointment (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id        BIGINT NOT NULL,
    member_id         BIGINT NOT NULL,
    holder_member_id  BIGINT NULL,
    lodged_at         DATETIME(6) NOT NULL,
    revoked_at        DATETIME(6) NULL,
    CONSTRAINT fk_proxy_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT fk_proxy_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT fk_proxy_holder FOREIGN KEY (holder_member_id) REFERENCES member (id)
) ENGINE=InnoDB;
CREATE INDEX ix_proxy_meeting ON proxy_appointment (meeting_id, member_id, revoked_at);

-- the member's direction on one resolution; a resolution with no row is left to the holder
CREATE TABLE proxy_direction (
    appointment_id  BIGINT NOT NULL,
    resolution_id   BIGINT NOT NULL,
    choice          VARCHAR(7) NOT NULL,
    PRIMARY KEY (appointment_id, resolution_id),
    CONSTRAINT fk_direction_appointment FOREIGN KEY (appointment_id) REFERENCES proxy_appointment (id),
    CONSTRAINT fk_direction_resolution FOREIGN KEY (resolution_id) REFERENCES resolution (id),
    CONSTRAINT ck_direction_choice CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN'))
) ENGINE=InnoDB;

-- How a proxy holder votes the undirected proxies they hold on a resolution (holder 0 = the chair).
CREATE TABLE proxy_discretion (
    resolution_id   BIGINT NOT NULL,
    holder_key      BIGINT NOT NULL,
    choice          VARCHAR(7) NOT NULL,
    PRIMARY KEY (resolution_id, holder_key),
    CONSTRAINT fk_discretion_resolution FOREIGN KEY (resolution_id) REFERENCES resolution (id),
    CONSTRAINT ck_discretion_choice CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN'))
) ENGINE=InnoDB;
