-- An election's voting closes before it is counted and declared: CLOSED sits between OPEN and
-- DECLARED, so receipts can be published and postal papers refused while the count waits.
ALTER TABLE election DROP CONSTRAINT ck_election_state;
ALTER TABLE election ADD CONSTRAINT ck_election_state
    CHECK (state IN ('NOMINATING', 'OPEN', 'CLOSED', 'DECLARED', 'CANCELLED'));
-- the ballot paper shows each candidate's name once: the count and the BLT file key on it
ALTER TABLE candidate ADD CONSTRAINT uq_candidate_ballot_name UNIQUE (election_id, ballot_name);
