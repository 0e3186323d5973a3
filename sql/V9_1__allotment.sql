-- Allotment of a closed offer: the board's decision (one per offer, so an offer is never allotted twice even if two
-- approvals race past every other check), and the numbered share certificates it issues.

CREATE TABLE allotment_decision (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id             BIGINT NOT NULL,
    offer_id               BIGINT NOT NULL,
    decided_on             DATE NOT NULL,
    approved_by            BIGINT NULL,
    approver_name          VARCHAR(200) NOT NULL,
    approver_role          VARCHAR(20) NOT NULL,
    applications           INT NOT NULL,
    allottees              INT NOT NULL,
    members_admitted       INT NOT NULL,
    shares_allotted        BIGINT NOT NULL,
    amount_allotted_pence  BIGINT NOT NULL,
    refunds                INT NOT NULL,
    refund_pence           BIGINT NOT NULL,
    paid_pence             BIGINT NOT NULL,
    recorded_at            DATETIME(6) NOT NULL,
    CONSTRAINT fk_allotment_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_allotment_offer FOREIGN KEY (offer_id) REFERENCES share_offer (id),
    CONSTRAINT fk_allotment_account FOREIGN KEY (approved_by) REFERENCES account (id),
    CONSTRAINT uq_allotment_offer UNIQUE (offer_id),
    CONSTRAINT ck_allotment_money CHECK (amount_allotted_pence + refund_pence = paid_pence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Certificate numbers run on per society, from a counter row locked while they are taken (never reused).
CREATE TABLE share_certificate_counter (
    society_id   BIGINT PRIMARY KEY,
    last_number  BIGINT NOT NULL
) ENGINE=InnoDB;

CREATE TABLE share_certificate (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id      BIGINT NOT NULL,
    number          BIGINT NOT NULL,
    member_id       BIGINT NOT NULL,
    offer_id        BIGINT NULL,
    application_id  BIGINT NULL,
    shares          BIGINT NOT NULL,
    amount_pence    BIGINT NOT NULL,
    issued_on       DATE NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_certificate_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT fk_certificate_application FOREIGN KEY (application_id) REFERENCES share_application (id),
    CONSTRAINT uq_certificate_number UNIQUE (society_id, number),
    -- one certificate per allotted application
    CONSTRAINT uq_certificate_application UNIQUE (application_id),
    CONSTRAINT ck_certificate_shares CHECK (shares > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_certificate_member ON share_certificate (member_id);

