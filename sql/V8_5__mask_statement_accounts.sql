-- The society's own sort code and account number, as read from OFX statements, were kept in clear
-- and shown to every officer, the auditor too. Cooperage keeps only the last four characters
-- (BankStatement.masked): enough to tell which account a statement came from. The rows imported
-- before are masked the same way; masking a masked value changes nothing.
UPDATE bank_statement
   SET bank_id = CASE WHEN CHAR_LENGTH(TRIM(bank_id)) > 4 THEN CONCAT('****', RIGHT(TRIM(bank_id), 4)) ELSE '****' END
 WHERE bank_id IS NOT NULL AND TRIM(bank_id) <> '';
UPDATE bank_statement
   SET account_id = CASE WHEN CHAR_LENGTH(TRIM(account_id)) > 4 THEN CONCAT('****', RIGHT(TRIM(account_id), 4)) ELSE '****' END
 WHERE account_id IS NOT NULL AND TRIM(account_id) <> '';
UPDATE bank_statement SET bank_id = NULL WHERE TRIM(bank_id) = '';
UPDATE bank_statement SET account_id = NULL WHERE TRIM(account_id) = '';
