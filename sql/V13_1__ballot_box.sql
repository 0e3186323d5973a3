-- The secret ballot box, shared by elections and secret resolutions (a "poll" is one of them:
-- poll_kind + poll_id). Two tables that nothing joins:
--
--   poll_voter  who voted: one row per member per poll (the primary key IS the one-vote-per-member
--               constraint), the channel and when. No ballot id, no receipt.
--   ballot      what was voted: the content, the receipt code the voter can look up after the
--               close, and the SHA-256 of a change code only the voter holds. No member id, no
--               foreign key, no timestamp, no auto-increment: its id is 16 random bytes, so the
--               clustered (primary key) order InnoDB stores and returns rows in is random, not
--               the order of casting. The only columns the two tables share name the poll itself,
--               and joining on them pairs every voter with every ballot of the poll.
--
-- A member changes an online vote by presenting the change code: the server finds the ballot by
-- the code's hash, deletes it and puts the new one in with a new receipt. Nothing stored says
-- which ballot a member cast, so a lost change code means the vote can no longer be changed.

CREATE TABLE poll_voter (
    society_id  BIGINT NOT NULL,
    poll_kind   VARCHAR(10) NOT NULL,
    poll_id     BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    channel     VARCHAR(10) NOT NULL,
    voted_at    DATETIME(6) NOT NULL,
    -- the last time an online vote was changed (the register says that, never to what)
    changed_at  DATETIME(6) NULL,
    PRIMARY KEY (poll_kind, poll_id, member_id),
    CONSTRAINT fk_poll_voter_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_poll_voter_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT ck_poll_voter_kind CHECK (poll_kind IN ('RESOLUTION', 'ELECTION')),
    CONSTRAINT ck_poll_voter_channel CHECK (channel IN ('IN_PERSON', 'POSTAL', 'ONLINE', 'PROXY'))
) ENGINE=InnoDB;
CREATE INDEX ix_poll_voter_member ON poll_voter (member_id);

CREATE TABLE ballot (
    id           BINARY(16) NOT NULL PRIMARY KEY,
    society_id   BIGINT NOT NULL,
    poll_kind    VARCHAR(10) NOT NULL,
    poll_id      BIGINT NOT NULL,
    -- published after the close so each online voter can find their ballot was counted
    receipt      CHAR(14) NOT NULL,
    -- SHA-256 of the change code; postal and in-person ballots get one nobody is ever shown,
    -- so every ballot looks the same whatever its channel
    change_hash  BINARY(32) NOT NULL,
    -- RESOLUTION: FOR | AGAINST | ABSTAIN; ELECTION: candidate ids in order of preference,
    -- separated by '>' (plurality ticks are stored sorted, so tick order says nothing)
    content      VARCHAR(2000) NOT NULL,
    -- set on every ballot of the poll in one statement at the close: rewriting each row drops the
    -- id of the transaction that inserted it (InnoDB keeps it in the row, and the same transaction
    -- wrote the voter's poll_voter row); the count reads only sealed ballots
    sealed       BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_ballot_receipt UNIQUE (poll_kind, poll_id, receipt),
    CONSTRAINT uq_ballot_change UNIQUE (poll_kind, poll_id, change_hash),
    CONSTRAINT ck_ballot_kind CHECK (poll_kind IN ('RESOLUTION', 'ELECTION'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
