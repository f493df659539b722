-- The head of each project's history chain, kept on the proposal: the next entry links to it without
-- reading the last history row, and /history/verify compares the chain with it, so deleting the newest
-- entries is detected (their hash was also published in the project's events).
ALTER TABLE proposal ADD COLUMN history_head VARCHAR(64);
ALTER TABLE proposal ADD COLUMN history_length INTEGER NOT NULL DEFAULT 0;

UPDATE proposal p SET history_head = h.hash, history_length = h.seq
FROM (SELECT DISTINCT ON (project_id) project_id, hash, seq
      FROM project_history ORDER BY project_id, seq DESC) h
WHERE h.project_id = p.id;
