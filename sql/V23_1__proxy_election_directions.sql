-- A member's direction to their proxy in an election of the meeting: the ballot the proxy is to
-- cast for them, in the form the ballot box keeps it (candidate ids in order of preference,
-- separated by '>'; for plurality, the ticked candidates sorted by id). Like a direction on a
-- secret resolution it says what one member's ballot will hold, so it is kept only until used:
-- deleted when the holder casts the ballot, when the appointment is revoked or replaced, and at the
-- close of the election, where a direction not yet cast is cast as directed first. Never audited.
CREATE TABLE proxy_election_direction (
    appointment_id  BIGINT NOT NULL,
    election_id     BIGINT NOT NULL,
    content         VARCHAR(2000) NOT NULL,
    PRIMARY KEY (appointment_id, election_id),
    CONSTRAINT fk_election_direction_appointment FOREIGN KEY (appointment_id) REFERENCES proxy_appointment (id),
    CONSTRAINT fk_election_direction_election FOREIGN KEY (election_id) REFERENCES election (id)
) ENGINE=InnoDB;
CREATE INDEX ix_election_direction_election ON proxy_election_direction (election_id);
