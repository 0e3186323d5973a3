-- Proxy ballots are found by a lock, not by a hash kept with the appointment. V17_1 kept, per
-- secret poll, SHA-256 of the member's proxy code, which became the proxy ballot's change hash
-- when the holder cast it: within one database never both at once, but a copy taken before the
-- cast and one taken after paired the ballot with its member. Now the appointment keeps an X25519
-- public key derived from the proxy code (ProxyCodes), and the proxy ballot carries a lock: its
-- own id encrypted to that key with a fresh ephemeral key. A lock does not say which key it was
-- made for, so no copy of the database, nor two, pairs it with the appointment; only the member's
-- code opens it. Keys issued before this migration were hashes, not keys: those proxies still
-- cast, but the member cannot open their ballot's lock (they can still vote before the holder).
ALTER TABLE proxy_ballot_key CHANGE key_hash public_key BINARY(32) NOT NULL;

-- ephemeral public key (32), nonce (12), the ballot id encrypted (16) and its tag (16); NULL on
-- every ballot that is not a proxy's
ALTER TABLE ballot ADD COLUMN proxy_lock BINARY(76) NULL;
