-- The timeline's public position: the cursor of the change feed, the timeline, the Atom archives and the
-- SSE stream's event ids. seq is taken at insert but becomes visible at commit, so a reader can see 7
-- before 6 and a cursor at 7 would skip 6 for ever. position is given after commit instead, by one
-- numbering transaction at a time (TimelinePositions), to rows already committed: 1, 2, 3, ... with no
-- gap, and a reader that sees a position sees every lower one.
ALTER TABLE timeline_entry ADD COLUMN position BIGINT;
UPDATE timeline_entry t SET position = n.position
  FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS position FROM timeline_entry) n
 WHERE t.seq = n.seq;
CREATE UNIQUE INDEX timeline_entry_position ON timeline_entry (position);
-- what the numbering pass looks for: small, since rows are numbered right after their commit
CREATE INDEX timeline_entry_unnumbered ON timeline_entry (seq) WHERE position IS NULL;
