-- Searching 50,000 members by words in name, email, postcode or representative: a full-text
-- index answers in a few milliseconds where LIKE '%word%' scans every row (60 ms at 50,000).
ALTER TABLE member ADD FULLTEXT INDEX ft_member_search (name, email, postcode, representative);
