-- Outbox rows Kafka refuses for good (too large, invalid topic, ...) are set aside instead of holding
-- up every later row; clearing set_aside_at puts a row back in the queue (see OutboxRelay).
--
-- A repeatable migration, written to be run any number of times: db/platform shares one version
-- sequence with each service's own db/migration (V1, V2, ...), so a versioned V0_2 would sort below
-- migrations those databases have already applied, and Flyway would refuse to start them. Repeatable
-- migrations run after all versioned ones, on every database, whatever its versions. Do not edit this
-- file (an edit runs it again); add another.
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS set_aside_at TIMESTAMPTZ;
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS set_aside_reason VARCHAR(1000);
-- for the gauge of set-aside rows; the relay's queue still uses outbox_message_unsent (set-aside rows are few)
CREATE INDEX IF NOT EXISTS outbox_message_set_aside ON outbox_message (seq)
    WHERE set_aside_at IS NOT NULL AND sent_at IS NULL;
