-- Foundation: societies and their rules, accounts and roles, officers, audit trail, mail outbox.
-- Money is BIGINT pence; dates are DATE in Europe/London; instants are DATETIME(6) in UTC.

CREATE TABLE society (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug                VARCHAR(40)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    fca_number          VARCHAR(20)  NOT NULL,
    society_type        VARCHAR(30)  NOT NULL,
    jurisdiction        VARCHAR(20)  NOT NULL,
    registered_office   VARCHAR(500) NOT NULL,
    area_of_benefit     VARCHAR(2000) NOT NULL,
    year_end_month      TINYINT      NOT NULL,
    year_end_day        TINYINT      NOT NULL,
    brand_colour        CHAR(7)      NOT NULL,
    -- the society's rules, as settings
    nominal_share_pence         BIGINT  NOT NULL,
    minimum_holding_shares      BIGINT  NOT NULL,
    maximum_holding_shares      BIGINT  NOT NULL,
    statutory_cap_pence         BIGINT  NOT NULL,
    minimum_age                 INT     NOT NULL,
    withdrawal_notice_days      INT     NOT NULL,
    withdrawal_annual_cap_pct   DECIMAL(5,2) NOT NULL,
    meeting_notice_clear_days   INT     NOT NULL,
    quorum_members              INT     NOT NULL,
    quorum_percent              DECIMAL(5,2) NOT NULL,
    quorum_counts_proxies       BOOLEAN NOT NULL,
    rule_change_majority        VARCHAR(20) NOT NULL,
    proxies_allowed             BOOLEAN NOT NULL,
    proxy_max_per_holder        INT     NOT NULL,
    proxy_deadline_hours        INT     NOT NULL,
    created_at          DATETIME(6) NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_society_slug UNIQUE (slug),
    CONSTRAINT ck_society_colour CHECK (brand_colour REGEXP '^#[0-9a-f]{6}$'),
    CONSTRAINT ck_society_holding CHECK (minimum_holding_shares >= 1 AND maximum_holding_shares >= minimum_holding_shares),
    CONSTRAINT ck_society_nominal CHECK (nominal_share_pence >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    email               VARCHAR(254) NOT NULL,
    display_name        VARCHAR(200) NOT NULL,
    password_hash       VARCHAR(200) NULL,
    platform_admin      BOOLEAN NOT NULL DEFAULT FALSE,
    failed_attempts     INT NOT NULL DEFAULT 0,
    locked_until        DATETIME(6) NULL,
    created_at          DATETIME(6) NOT NULL,
    last_signed_in_at   DATETIME(6) NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_account_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE society_role (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id  BIGINT NOT NULL,
    account_id  BIGINT NOT NULL,
    role        VARCHAR(20) NOT NULL,
    granted_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_role_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_role_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_role UNIQUE (society_id, account_id, role),
    CONSTRAINT ck_role CHECK (role IN ('SECRETARY','TREASURER','DIRECTOR','MEMBER','AUDITOR'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE invitation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id  BIGINT NOT NULL,
    email       VARCHAR(254) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    role        VARCHAR(20) NOT NULL,
    token_hash  CHAR(64) NOT NULL,
    invited_by  BIGINT NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    accepted_at DATETIME(6) NULL,
    CONSTRAINT fk_invitation_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT uq_invitation_token UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- single-use links: password resets and the first administrator's setup link
CREATE TABLE one_time_link (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    purpose     VARCHAR(20) NOT NULL,
    account_id  BIGINT NULL,
    token_hash  CHAR(64) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    CONSTRAINT fk_link_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_link_token UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE api_token (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id   BIGINT NOT NULL,
    account_id   BIGINT NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_prefix CHAR(8) NOT NULL,
    token_hash   CHAR(64) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    last_used_at DATETIME(6) NULL,
    revoked_at   DATETIME(6) NULL,
    CONSTRAINT fk_token_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_token_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_token_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE officer_appointment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id   BIGINT NOT NULL,
    office       VARCHAR(20) NOT NULL,
    person_name  VARCHAR(200) NOT NULL,
    account_id   BIGINT NULL,
    appointed_on DATE NOT NULL,
    ended_on     DATE NULL,
    created_at   DATETIME(6) NOT NULL,
    version      BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_officer_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_officer_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_officer_office CHECK (office IN ('CHAIR','SECRETARY','TREASURER','DIRECTOR')),
    CONSTRAINT ck_officer_dates CHECK (ended_on IS NULL OR ended_on >= appointed_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_officer_society ON officer_appointment (society_id, appointed_on);

-- The audit trail: one hash chain per society (chain 0 holds platform-level events).
CREATE TABLE audit_chain (
    chain_id   BIGINT PRIMARY KEY,
    last_seq   BIGINT NOT NULL,
    last_hash  CHAR(64) NOT NULL
) ENGINE=InnoDB;

CREATE TABLE audit_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    chain_id     BIGINT NOT NULL,
    seq          BIGINT NOT NULL,
    occurred_at  DATETIME(6) NOT NULL,
    actor        VARCHAR(254) NOT NULL,
    action       VARCHAR(60) NOT NULL,
    entity_type  VARCHAR(60) NOT NULL,
    entity_id    VARCHAR(60) NOT NULL,
    before_json  MEDIUMTEXT NULL,
    after_json   MEDIUMTEXT NULL,
    prev_hash    CHAR(64) NOT NULL,
    hash         CHAR(64) NOT NULL,
    CONSTRAINT uq_audit_seq UNIQUE (chain_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_filter ON audit_event (chain_id, occurred_at);

CREATE TABLE mail_outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id      BIGINT NULL,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    body            MEDIUMTEXT NOT NULL,
    state           VARCHAR(10) NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6) NOT NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6) NOT NULL,
    sent_at         DATETIME(6) NULL,
    CONSTRAINT ck_mail_state CHECK (state IN ('PENDING','SENT','FAILED','HELD'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_mail_due ON mail_outbox (state, next_attempt_at);
