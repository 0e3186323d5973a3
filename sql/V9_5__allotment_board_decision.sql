-- The board decision (board_item, kind RECORDED) an approved allotment is recorded as, so the allotment page can
-- link to it among the board's decisions. Nullable: allotments approved before this have none. No foreign key:
-- board_item is created by V14_1, which runs after this version on a new database.
ALTER TABLE allotment_decision ADD COLUMN board_item_id BIGINT NULL;
