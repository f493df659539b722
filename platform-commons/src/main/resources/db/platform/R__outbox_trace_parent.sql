-- The trace the event was written in (a W3C traceparent, e.g. of the HTTP request that caused it): the relay
-- publishes the row as a child of it, so one trace runs from the request through Kafka to every consumer.
-- Empty when tracing is off. Repeatable, for the reason given in R__outbox_set_aside.sql; do not edit.
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS trace_parent VARCHAR(55);
