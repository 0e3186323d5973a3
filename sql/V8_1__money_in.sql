-- Money in: imported bank statements, their lines, and what the treasurer decided about each line.
--
-- Two fingerprints keep imports from counting anything twice. A statement file's SHA-256 is unique
-- per society, so uploading the same file again adds no statement. Each line's content fingerprint
-- (StatementFingerprints: account, date, amount, description, reference and how many identical lines
-- came before it that day) is unique per society, so a statement that overlaps an earlier one
-- (a month's export after a fortnight's) adds only the lines not seen before; the lines it shares
-- with the earlier statement stay where they were, with whatever was decided about them.

CREATE TABLE bank_statement (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id       BIGINT NOT NULL,
    format           VARCHAR(16) NOT NULL,
    file_name        VARCHAR(200) NOT NULL,
    file_sha256      CHAR(64) NOT NULL,
    -- what the file says about the account, where it says anything (sort code, account number)
    bank_id          VARCHAR(40) NULL,
    account_id       VARCHAR(40) NULL,
    first_date       DATE NULL,
    last_date        DATE NULL,
    lines_in_file    INT NOT NULL,
    credits_in_file  INT NOT NULL,
    -- lines_in_file = lines_added + lines_already_imported
    lines_added      INT NOT NULL,
    lines_already_imported INT NOT NULL,
    imported_at      DATETIME(6) NOT NULL,
    imported_by      BIGINT NULL,
    CONSTRAINT fk_statement_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_statement_account FOREIGN KEY (imported_by) REFERENCES account (id),
    CONSTRAINT uq_statement_file UNIQUE (society_id, file_sha256),
    CONSTRAINT ck_statement_format CHECK (format IN ('COOP_BANK_TEXT', 'STARLING_CSV', 'OFX', 'CSV')),
    CONSTRAINT ck_statement_counts CHECK (lines_in_file = lines_added + lines_already_imported)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every line of a statement is kept, money out too (NOT_CREDIT), so the statement stays whole for
-- reconciliation; only credits are matched. A credit is UNMATCHED, PROPOSED (the matcher's
-- suggestion, with the application it suggests), CONFIRMED (a share_payment was written: payment_id)
-- or IGNORED (with the treasurer's reason: a grant, a donation, a transfer between accounts).
CREATE TABLE statement_line (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id       BIGINT NOT NULL,
    statement_id     BIGINT NOT NULL,
    line_no          INT NOT NULL,
    fingerprint      CHAR(64) NOT NULL,
    posted_on        DATE NOT NULL,
    amount_pence     BIGINT NOT NULL,
    description      VARCHAR(500) NOT NULL,
    reference        VARCHAR(500) NOT NULL,
    bank_type        VARCHAR(100) NOT NULL,
    balance_pence    BIGINT NULL,
    state            VARCHAR(10) NOT NULL,
    application_id   BIGINT NULL,
    -- why it was proposed (REFERENCE, AMOUNT) and how the money compares (EXACT, PARTIAL, OVER)
    match_basis      VARCHAR(10) NULL,
    match_kind       VARCHAR(10) NULL,
    -- references of the applications a line names when it names more than one
    candidates       VARCHAR(500) NULL,
    payment_id       BIGINT NULL,
    ignored_reason   VARCHAR(500) NULL,
    decided_by       BIGINT NULL,
    decided_at       DATETIME(6) NULL,
    version          BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_line_statement FOREIGN KEY (statement_id) REFERENCES bank_statement (id),
    CONSTRAINT fk_line_application FOREIGN KEY (application_id) REFERENCES share_application (id),
    CONSTRAINT fk_line_payment FOREIGN KEY (payment_id) REFERENCES share_payment (id),
    CONSTRAINT uq_line_fingerprint UNIQUE (society_id, fingerprint),
    CONSTRAINT uq_line_payment UNIQUE (payment_id),
    CONSTRAINT ck_line_state CHECK (state IN ('NOT_CREDIT', 'UNMATCHED', 'PROPOSED', 'CONFIRMED', 'IGNORED')),
    CONSTRAINT ck_line_confirmed CHECK ((state = 'CONFIRMED') = (payment_id IS NOT NULL)),
    CONSTRAINT ck_line_proposed CHECK (state NOT IN ('PROPOSED', 'CONFIRMED') OR application_id IS NOT NULL),
    CONSTRAINT ck_line_credit CHECK ((state = 'NOT_CREDIT') = (amount_pence <= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_line_open ON statement_line (society_id, state);
CREATE INDEX ix_line_statement ON statement_line (statement_id, line_no);

-- A reversal: the CORRECTION row (a negative share_payment) that undoes a payment recorded by
-- mistake. Each payment is reversed at most once, and a correction reverses exactly one payment.
CREATE TABLE share_payment_reversal (
    payment_id       BIGINT PRIMARY KEY,
    correction_id    BIGINT NOT NULL,
    society_id       BIGINT NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    CONSTRAINT fk_reversal_payment FOREIGN KEY (payment_id) REFERENCES share_payment (id),
    CONSTRAINT fk_reversal_correction FOREIGN KEY (correction_id) REFERENCES share_payment (id),
    CONSTRAINT uq_reversal_correction UNIQUE (correction_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A payment recorded by hand carries the key of the form (or the API's Idempotency-Key), so a
-- form posted twice, or a retried request, records one payment.
CREATE TABLE share_payment_request (
    society_id       BIGINT NOT NULL,
    idempotency_key  VARCHAR(64) NOT NULL,
    payment_id       BIGINT NOT NULL,
    PRIMARY KEY (society_id, idempotency_key),
    CONSTRAINT fk_request_payment FOREIGN KEY (payment_id) REFERENCES share_payment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Imports into one society run one at a time (two overlapping statements uploaded at once would
-- otherwise race on the line fingerprints); this row is what they lock.
CREATE TABLE statement_import_lock (
    society_id       BIGINT PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
