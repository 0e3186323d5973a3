-- The register of members (2014 Act s.30), the nominations book (s.37), and the share ledger
-- in its first form: opening balances brought in with an imported register.

-- member numbers are allocated per society in sequence and never reused: a counter row per
-- society, locked while a number is taken
CREATE TABLE member_number_counter (
    society_id   BIGINT PRIMARY KEY,
    last_number  BIGINT NOT NULL,
    CONSTRAINT fk_counter_society FOREIGN KEY (society_id) REFERENCES society (id)
) ENGINE=InnoDB;

CREATE TABLE member (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id          BIGINT NOT NULL,
    member_number       BIGINT NULL,
    application_ref     VARCHAR(12) NOT NULL,
    kind                VARCHAR(12) NOT NULL,
    name                VARCHAR(200) NOT NULL,
    representative      VARCHAR(200) NULL,
    registered_society  BOOLEAN NOT NULL DEFAULT FALSE,
    address             VARCHAR(500) NOT NULL,
    postcode            VARCHAR(8) NOT NULL,
    postcode_district   VARCHAR(4) NOT NULL,
    postcode_sector     VARCHAR(6) NOT NULL,
    email               VARCHAR(254) NULL,
    email_purposes      VARCHAR(100) NOT NULL DEFAULT '',
    date_of_birth       DATE NULL,
    state               VARCHAR(10) NOT NULL,
    applied_on          DATE NOT NULL,
    joined_on           DATE NULL,
    ceased_on           DATE NULL,
    ceased_reason       VARCHAR(30) NULL,
    rejected_reason     VARCHAR(500) NULL,
    account_id          BIGINT NULL,
    erased_at           DATETIME(6) NULL,
    created_at          DATETIME(6) NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_member_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_member_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_member_number UNIQUE (society_id, member_number),
    CONSTRAINT uq_member_ref UNIQUE (society_id, application_ref),
    CONSTRAINT ck_member_kind CHECK (kind IN ('INDIVIDUAL', 'ORGANISATION')),
    CONSTRAINT ck_member_state CHECK (state IN ('APPLICANT', 'MEMBER', 'CEASED', 'REJECTED')),
    CONSTRAINT ck_member_numbered CHECK (state IN ('APPLICANT', 'REJECTED') OR member_number IS NOT NULL),
    CONSTRAINT ck_member_dates CHECK (ceased_on IS NULL OR (joined_on IS NOT NULL AND ceased_on >= joined_on))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_member_state ON member (society_id, state, member_number);
CREATE INDEX ix_member_name ON member (society_id, name);
CREATE INDEX ix_member_joined ON member (society_id, joined_on);
CREATE INDEX ix_member_district ON member (society_id, postcode_district);
CREATE INDEX ix_member_email ON member (society_id, email);

-- changes of name, address and email, kept as history; the member row holds the current values
CREATE TABLE member_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id  BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    field       VARCHAR(30) NOT NULL,
    old_value   VARCHAR(500) NULL,
    new_value   VARCHAR(500) NULL,
    changed_on  DATE NOT NULL,
    changed_at  DATETIME(6) NOT NULL,
    changed_by  VARCHAR(254) NOT NULL,
    CONSTRAINT fk_change_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_change_member ON member_change (member_id, id);

CREATE TABLE nomination (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id      BIGINT NOT NULL,
    member_id       BIGINT NOT NULL,
    nominee_name    VARCHAR(200) NOT NULL,
    nominee_address VARCHAR(500) NOT NULL,
    relationship    VARCHAR(100) NOT NULL,
    share_percent   DECIMAL(5,2) NOT NULL,
    made_on         DATE NOT NULL,
    revoked_on      DATE NULL,
    recorded_at     DATETIME(6) NOT NULL,
    CONSTRAINT fk_nomination_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT ck_nomination_percent CHECK (share_percent > 0 AND share_percent <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_nomination_member ON nomination (member_id);

-- the share ledger: append-only; a holding is the sum of a member's entries
CREATE TABLE share_entry (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id    BIGINT NOT NULL,
    member_id     BIGINT NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    shares        BIGINT NOT NULL,
    amount_pence  BIGINT NOT NULL,
    entry_date    DATE NOT NULL,
    reference     VARCHAR(100) NULL,
    recorded_at   DATETIME(6) NOT NULL,
    CONSTRAINT fk_share_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT ck_share_kind CHECK (kind IN ('OPENING_BALANCE', 'ALLOTMENT', 'WITHDRAWAL', 'TRANSFER_OUT', 'TRANSFER_IN',
        'TRANSFER_ON_DEATH', 'REINVESTMENT', 'WRITE_DOWN', 'CORRECTION'))
) ENGINE=InnoDB;
CREATE INDEX ix_share_member ON share_entry (society_id, member_id, entry_date);

-- how long after ceasing a member's contact details are kept (then erased by a scheduled job)
ALTER TABLE society ADD COLUMN retention_years INT NOT NULL DEFAULT 10;
