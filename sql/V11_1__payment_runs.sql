-- Money out: members' bank details, the society's originating account for Bacs, and payment runs.

-- A member's own bank account, for refunds, withdrawals and interest. The account is stored only
-- encrypted (AES-256-GCM under COOP_DATA_KEY, see DataCipher); `masked` is the hint shown to
-- people ("**-**-56 ****5678"), never enough to pay into.
CREATE TABLE member_bank_details (
    member_id     BIGINT PRIMARY KEY,
    society_id    BIGINT NOT NULL,
    ciphertext    VARBINARY(1024) NOT NULL,
    masked        VARCHAR(40) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    updated_by    VARCHAR(320) NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_bank_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_bank_society ON member_bank_details (society_id);

-- The society as a Bacs service user. The SUN and name are printed on every payee's statement,
-- so they are plain; the account is encrypted like members' (one rule for every account number).
CREATE TABLE bacs_originator (
    society_id          BIGINT PRIMARY KEY,
    service_user_number CHAR(6) NOT NULL,
    service_user_name   VARCHAR(18) NOT NULL,
    account_encrypted   VARBINARY(1024) NOT NULL,
    masked              VARCHAR(40) NOT NULL,
    updated_at          DATETIME(6) NOT NULL,
    updated_by          VARCHAR(320) NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_originator_society FOREIGN KEY (society_id) REFERENCES society (id)
) ENGINE=InnoDB;

-- Locked FOR UPDATE while a run is made: numbers runs in sequence and makes run creation in
-- one society one at a time, so two treasurers never take the same payout.
CREATE TABLE payment_run_counter (
    society_id    BIGINT PRIMARY KEY,
    last_number   INT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

-- A payment run freezes everything its files are made from (the originator, each payee's bank
-- details, amounts, references, the serial and dates), so a file made again is byte-identical.
CREATE TABLE payment_run (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id          BIGINT NOT NULL,
    number              INT NOT NULL,
    state               VARCHAR(10) NOT NULL DEFAULT 'DRAFT',
    serial              CHAR(6) NOT NULL,
    file_number         INT NOT NULL,
    created_on          DATE NOT NULL,
    processing_date     DATE NOT NULL,
    service_user_number CHAR(6) NOT NULL,
    service_user_name   VARCHAR(18) NOT NULL,
    originator_encrypted VARBINARY(1024) NOT NULL,
    item_count          INT NOT NULL,
    total_pence         BIGINT NOT NULL,
    created_at          DATETIME(6) NOT NULL,
    created_by          VARCHAR(320) NOT NULL,
    paid_on             DATE NULL,
    paid_at             DATETIME(6) NULL,
    paid_by             VARCHAR(320) NULL,
    cancelled_at        DATETIME(6) NULL,
    cancelled_by        VARCHAR(320) NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_run_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT uq_run_number UNIQUE (society_id, number),
    CONSTRAINT ck_run_state CHECK (state IN ('DRAFT', 'PAID', 'CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payment_run_item (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id          BIGINT NOT NULL,
    payout_id       BIGINT NOT NULL,
    member_id       BIGINT NOT NULL,
    payee_name      VARCHAR(200) NOT NULL,
    payee_encrypted VARBINARY(1024) NOT NULL,
    masked          VARCHAR(40) NOT NULL,
    kind            VARCHAR(12) NOT NULL,
    amount_pence    BIGINT NOT NULL,
    reference       VARCHAR(18) NOT NULL,
    CONSTRAINT fk_item_run FOREIGN KEY (run_id) REFERENCES payment_run (id),
    CONSTRAINT fk_item_payout FOREIGN KEY (payout_id) REFERENCES payout (id),
    CONSTRAINT uq_item_payout UNIQUE (run_id, payout_id),
    CONSTRAINT ck_item_amount CHECK (amount_pence > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
