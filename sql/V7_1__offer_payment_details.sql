-- Where an investor sends the money for an offer: the account a bank transfer goes to, and the
-- payee and address for a cheque. Held on the offer (not the society) because the offer document
-- names them, and a society may raise each offer into a different (client or escrow) account.
ALTER TABLE share_offer
    ADD COLUMN pay_account_name   VARCHAR(140) NULL,
    ADD COLUMN pay_sort_code      CHAR(6) NULL,
    ADD COLUMN pay_account_number CHAR(8) NULL,
    ADD COLUMN cheque_payee       VARCHAR(200) NULL,
    ADD COLUMN cheque_address     VARCHAR(500) NULL;

-- Applications by member and state: the cap check sums a member's live applications under a lock.
CREATE INDEX ix_application_member_state ON share_application (member_id, state);
