-- A member's own request to change their address or email, applied only after they confirm it
-- from the email address the society will use (single use, 24 hours).
CREATE TABLE contact_change_request (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id    BIGINT NOT NULL,
    member_id     BIGINT NOT NULL,
    address       VARCHAR(500) NOT NULL,
    postcode      VARCHAR(8) NOT NULL,
    email         VARCHAR(254) NULL,
    token_hash    CHAR(64) NOT NULL,
    requested_at  DATETIME(6) NOT NULL,
    expires_at    DATETIME(6) NOT NULL,
    confirmed_at  DATETIME(6) NULL,
    CONSTRAINT fk_ccr_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT uq_ccr_token UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
