-- Community shares: offers, the investors' applications for them, the money paid in against
-- those applications, and the money owed out (refunds, withdrawals, payments on death) that
-- payment runs pay. Later migrations add statements, allotments, certificates, withdrawals and
-- payment runs around these four tables.

CREATE TABLE share_offer (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id               BIGINT NOT NULL,
    slug                     VARCHAR(60) NOT NULL,
    title                    VARCHAR(200) NOT NULL,
    description              TEXT NOT NULL,
    key_facts                TEXT NULL,
    risks                    TEXT NULL,
    document_name            VARCHAR(200) NULL,
    document_pdf             LONGBLOB NULL,
    opens_on                 DATE NOT NULL,
    closes_on                DATE NOT NULL,
    -- whole pounds are not assumed: every amount is pence
    min_target_pence         BIGINT NOT NULL,
    max_target_pence         BIGINT NOT NULL,
    min_per_applicant_pence  BIGINT NOT NULL,
    max_per_applicant_pence  BIGINT NOT NULL,
    share_price_pence        BIGINT NOT NULL,
    individuals              BOOLEAN NOT NULL DEFAULT TRUE,
    organisations            BOOLEAN NOT NULL DEFAULT TRUE,
    minimum_age              INT NULL,
    locality                 VARCHAR(16) NOT NULL DEFAULT 'ANYONE',
    scale_back               VARCHAR(16) NOT NULL DEFAULT 'LARGEST_FIRST',
    target_interest_rate     DECIMAL(6,3) NULL,
    state                    VARCHAR(10) NOT NULL DEFAULT 'DRAFT',
    created_at               DATETIME(6) NOT NULL,
    version                  BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_offer_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT uq_offer_slug UNIQUE (society_id, slug),
    CONSTRAINT ck_offer_dates CHECK (closes_on >= opens_on),
    CONSTRAINT ck_offer_targets CHECK (min_target_pence > 0 AND max_target_pence >= min_target_pence),
    CONSTRAINT ck_offer_per_applicant CHECK (min_per_applicant_pence > 0
        AND max_per_applicant_pence >= min_per_applicant_pence),
    CONSTRAINT ck_offer_price CHECK (share_price_pence > 0),
    CONSTRAINT ck_offer_locality CHECK (locality IN ('ANYONE', 'LOCAL_ONLY', 'LOCAL_PRIORITY')),
    CONSTRAINT ck_offer_scale_back CHECK (scale_back IN ('LARGEST_FIRST', 'PRO_RATA')),
    CONSTRAINT ck_offer_state CHECK (state IN ('DRAFT', 'OPEN', 'CLOSED', 'ALLOTTED', 'CANCELLED', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An investor's application: always for a member row (an existing member, or the applicant the
-- application created), so allotment can admit applicants and write their ledger entries.
CREATE TABLE share_application (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id        BIGINT NOT NULL,
    offer_id          BIGINT NOT NULL,
    member_id         BIGINT NOT NULL,
    account_id        BIGINT NULL,
    -- the payment reference the investor quotes on their bank transfer, unique in the society
    reference         VARCHAR(20) NOT NULL,
    shares_requested  BIGINT NOT NULL,
    amount_pence      BIGINT NOT NULL,
    payment_method    VARCHAR(14) NOT NULL,
    local_applicant   BOOLEAN NOT NULL,
    state             VARCHAR(10) NOT NULL DEFAULT 'SUBMITTED',
    shares_allotted   BIGINT NULL,
    -- a double-submitted form carries the same key and makes one application
    idempotency_key   VARCHAR(64) NULL,
    submitted_at      DATETIME(6) NOT NULL,
    withdrawn_at      DATETIME(6) NULL,
    version           BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_application_offer FOREIGN KEY (offer_id) REFERENCES share_offer (id),
    CONSTRAINT fk_application_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT fk_application_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_application_reference UNIQUE (society_id, reference),
    CONSTRAINT uq_application_idempotency UNIQUE (society_id, idempotency_key),
    CONSTRAINT ck_application_amount CHECK (shares_requested > 0 AND amount_pence > 0),
    CONSTRAINT ck_application_method CHECK (payment_method IN ('BANK_TRANSFER', 'CHEQUE')),
    CONSTRAINT ck_application_state CHECK (state IN ('SUBMITTED', 'WITHDRAWN', 'ALLOTTED', 'REFUNDED', 'REJECTED')),
    CONSTRAINT ck_application_allotted CHECK (shares_allotted IS NULL OR (shares_allotted >= 0
        AND shares_allotted <= shares_requested))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_application_offer ON share_application (offer_id, state);
CREATE INDEX ix_application_member ON share_application (member_id);

-- Money received against an application: recorded by hand (a cheque, a transfer seen in online
-- banking) or confirmed from an imported statement line. What an application has been paid is the
-- sum of these rows; a mistake is reversed by a negative row, never by an edit.
CREATE TABLE share_payment (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id         BIGINT NOT NULL,
    application_id     BIGINT NOT NULL,
    amount_pence       BIGINT NOT NULL,
    received_on        DATE NOT NULL,
    method             VARCHAR(14) NOT NULL,
    payer              VARCHAR(200) NULL,
    bank_reference     VARCHAR(200) NULL,
    -- the imported statement line this payment came from, if any (one payment per line)
    statement_line_id  BIGINT NULL,
    recorded_by        BIGINT NULL,
    recorded_at        DATETIME(6) NOT NULL,
    CONSTRAINT fk_payment_application FOREIGN KEY (application_id) REFERENCES share_application (id),
    CONSTRAINT uq_payment_line UNIQUE (statement_line_id),
    CONSTRAINT ck_payment_method CHECK (method IN ('BANK_TRANSFER', 'CHEQUE', 'STATEMENT', 'CORRECTION'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_payment_application ON share_payment (application_id);

-- Money the society owes out. A payment run takes the DUE rows, and marking the run paid marks
-- them PAID (and, for withdrawals, writes the ledger entries). Each row names what it pays.
CREATE TABLE payout (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id    BIGINT NOT NULL,
    member_id     BIGINT NOT NULL,
    kind          VARCHAR(12) NOT NULL,
    amount_pence  BIGINT NOT NULL,
    -- shares that leave the holding when this is paid (a withdrawal, a payment on death); NULL for a refund
    shares        BIGINT NULL,
    -- what the payout is for: a share_application (refund), a withdrawal request, a death...
    source_type   VARCHAR(20) NOT NULL,
    source_id     BIGINT NOT NULL,
    -- someone other than the member (a nominee, personal representatives): their name, and their
    -- bank details encrypted like members' own (DataCipher)
    payee_name    VARCHAR(200) NULL,
    payee_bank_encrypted VARBINARY(1024) NULL,
    state         VARCHAR(10) NOT NULL DEFAULT 'DUE',
    run_id        BIGINT NULL,
    created_at    DATETIME(6) NOT NULL,
    paid_on       DATE NULL,
    version       BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_payout_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT uq_payout_source UNIQUE (society_id, kind, source_type, source_id),
    CONSTRAINT ck_payout_amount CHECK (amount_pence > 0),
    CONSTRAINT ck_payout_kind CHECK (kind IN ('REFUND', 'WITHDRAWAL', 'DEATH', 'INTEREST')),
    CONSTRAINT ck_payout_state CHECK (state IN ('DUE', 'IN_RUN', 'PAID', 'CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_payout_due ON payout (society_id, state);
