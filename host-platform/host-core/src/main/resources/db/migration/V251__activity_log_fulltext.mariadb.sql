-- The activity log's "contains" search (LOWER(message) LIKE '%term%') reads every line. InnoDB's FULLTEXT index
-- matches words, not substrings, so the search uses it only to narrow the lines to those holding a word the term
-- shows whole (ActivityLogService, FullTextWords) and keeps the LIKE check: the answer is the scan's.
-- The index is on a lower-cased copy: on a column of binary collation (the message's) InnoDB keeps the words of
-- lines written after the index was made in their own case, so a lower-case word would miss them.
-- Adding the first FULLTEXT index rebuilds the table (InnoDB adds its FTS_DOC_ID column).
ALTER TABLE activity_log ADD COLUMN message_words VARCHAR(4000) AS (LOWER(message)) PERSISTENT,
    ADD FULLTEXT INDEX ix_activity_log_message_words (message_words);
