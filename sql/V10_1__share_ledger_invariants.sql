-- The share ledger's invariants, withdrawals, deaths and transfers (issue 4).

-- Each member's current holding, kept in step with share_entry in the same transaction: the
-- row every change to a holding locks (SELECT ... FOR UPDATE), so two concurrent changes for
-- one member are serialised, and the database itself refuses a holding below zero. The sum of
-- a member's entries is still the truth (as at any date); this row is the sum of all of them.
CREATE TABLE share_holding (
    member_id     BIGINT PRIMARY KEY,
    society_id    BIGINT NOT NULL,
    shares        BIGINT NOT NULL DEFAULT 0,
    amount_pence  BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_holding_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT ck_holding_shares CHECK (shares >= 0),
    CONSTRAINT ck_holding_amount CHECK (amount_pence >= 0)
) ENGINE=InnoDB;
CREATE INDEX ix_holding_society ON share_holding (society_id);

INSERT INTO share_holding (member_id, society_id, shares, amount_pence)
    SELECT member_id, MIN(society_id), SUM(shares), SUM(amount_pence) FROM share_entry GROUP BY member_id;

-- Ledger settings that are not part of the registered rules' usual set: whether shares may be
-- transferred between living members (community shares normally may not), default off.
CREATE TABLE ledger_setting (
    society_id         BIGINT PRIMARY KEY,
    transfers_allowed  BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_ledger_setting_society FOREIGN KEY (society_id) REFERENCES society (id)
) ENGINE=InnoDB;

-- A member's request to withdraw shares, queued first in, first out by requested_at.
CREATE TABLE withdrawal_request (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id      BIGINT NOT NULL,
    member_id       BIGINT NOT NULL,
    shares          BIGINT NOT NULL,
    requested_on    DATE NOT NULL,
    requested_at    DATETIME(6) NOT NULL,
    notice_ends_on  DATE NOT NULL,
    channel         VARCHAR(8) NOT NULL,
    state           VARCHAR(10) NOT NULL DEFAULT 'REQUESTED',
    amount_pence    BIGINT NULL,
    decided_on      DATE NULL,
    decided_by      VARCHAR(254) NULL,
    reason          VARCHAR(500) NULL,
    payout_id       BIGINT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_withdrawal_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT fk_withdrawal_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT ck_withdrawal_shares CHECK (shares > 0),
    CONSTRAINT ck_withdrawal_notice CHECK (notice_ends_on >= requested_on),
    CONSTRAINT ck_withdrawal_channel CHECK (channel IN ('PORTAL', 'PAPER')),
    CONSTRAINT ck_withdrawal_state CHECK (state IN ('REQUESTED', 'APPROVED', 'DEFERRED', 'PAID', 'CANCELLED', 'REFUSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_withdrawal_queue ON withdrawal_request (society_id, state, requested_at, id);
CREATE INDEX ix_withdrawal_member ON withdrawal_request (member_id, state);

-- The board's suspensions of withdrawals (new societies often suspend for about three years).
CREATE TABLE withdrawal_suspension (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id   BIGINT NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    from_date    DATE NOT NULL,
    to_date      DATE NOT NULL,
    recorded_by  VARCHAR(254) NOT NULL,
    recorded_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_suspension_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT ck_suspension_dates CHECK (to_date >= from_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_suspension_society ON withdrawal_suspension (society_id, from_date);

-- A member's death as the secretary recorded it, and whom the holding went to.
CREATE TABLE member_death (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id       BIGINT NOT NULL,
    member_id        BIGINT NOT NULL,
    died_on          DATE NOT NULL,
    evidence         VARCHAR(500) NOT NULL,
    representatives  VARCHAR(200) NULL,
    recorded_by      VARCHAR(254) NOT NULL,
    recorded_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_death_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT uq_death_member UNIQUE (member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Transfers between living members, where the rules allow them, each with the board's consent.
CREATE TABLE share_transfer (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id      BIGINT NOT NULL,
    from_member_id  BIGINT NOT NULL,
    to_member_id    BIGINT NOT NULL,
    shares          BIGINT NOT NULL,
    amount_pence    BIGINT NOT NULL,
    transferred_on  DATE NOT NULL,
    board_consent   VARCHAR(500) NOT NULL,
    consented_on    DATE NOT NULL,
    recorded_by     VARCHAR(254) NOT NULL,
    recorded_at     DATETIME(6) NOT NULL,
    CONSTRAINT fk_transfer_from FOREIGN KEY (from_member_id) REFERENCES member (id),
    CONSTRAINT fk_transfer_to FOREIGN KEY (to_member_id) REFERENCES member (id),
    CONSTRAINT ck_transfer_shares CHECK (shares > 0),
    CONSTRAINT ck_transfer_members CHECK (from_member_id <> to_member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
