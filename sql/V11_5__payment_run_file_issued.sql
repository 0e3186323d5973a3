-- Once a run's file has left the building (first download) the bank may pay it, so the run can no
-- longer be cancelled or have payments taken out: that would make its payouts due again and pay them
-- twice. From then on only the bank's rejection (with its reason) returns the payouts to due.
ALTER TABLE payment_run
    ADD COLUMN file_issued_at  DATETIME(6) NULL,
    ADD COLUMN file_issued_by  VARCHAR(320) NULL,
    ADD COLUMN rejected_at     DATETIME(6) NULL,
    ADD COLUMN rejected_by     VARCHAR(320) NULL,
    ADD COLUMN rejected_reason VARCHAR(500) NULL;
ALTER TABLE payment_run DROP CONSTRAINT ck_run_state;
ALTER TABLE payment_run ADD CONSTRAINT ck_run_state CHECK (state IN ('DRAFT', 'PAID', 'CANCELLED', 'REJECTED'));

-- Who entered a payee's bank details on a payout (nominee, personal representatives) and when:
-- shown on the due list so a second officer can see who redirected a payment.
ALTER TABLE payout
    ADD COLUMN payee_bank_set_at DATETIME(6) NULL,
    ADD COLUMN payee_bank_set_by VARCHAR(320) NULL;
