-- V6 declared decided_by as VARCHAR(12), one short of 'SHOW_OF_HANDS' which its own CHECK allows:
-- every result declared on a show of hands failed to save.
ALTER TABLE resolution MODIFY decided_by VARCHAR(13) NULL;
