-- Proxies in secret ballots. When a member appoints a proxy, they are shown a proxy code once; for
-- each secret poll of the meeting (a secret resolution or an election) the appointment keeps only
-- key_hash = SHA-256(proxy code / poll kind / poll id). When the holder casts that member's ballot
-- in the poll, key_hash becomes the ballot's change hash and this row is deleted in the same
-- transaction, so at no committed moment does the database hold both the key next to its member
-- and the ballot it opens. The member, holding the proxy code, can then replace the proxy ballot
-- with their own vote (the proxy code opens it exactly as a change code does) and find its
-- receipt in the published list. A poll added after the appointment has no key: the proxy does
-- not cover it.
CREATE TABLE proxy_ballot_key (
    appointment_id  BIGINT NOT NULL,
    poll_kind       VARCHAR(10) NOT NULL,
    poll_id         BIGINT NOT NULL,
    key_hash        BINARY(32) NOT NULL,
    PRIMARY KEY (appointment_id, poll_kind, poll_id),
    CONSTRAINT fk_proxy_key_appointment FOREIGN KEY (appointment_id) REFERENCES proxy_appointment (id),
    CONSTRAINT ck_proxy_key_kind CHECK (poll_kind IN ('RESOLUTION', 'ELECTION'))
) ENGINE=InnoDB;
CREATE INDEX ix_proxy_key_poll ON proxy_ballot_key (poll_kind, poll_id);
