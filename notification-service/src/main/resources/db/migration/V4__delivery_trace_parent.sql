-- The trace of the event's consumption (a W3C traceparent): each attempt to deliver it is a span in that trace,
-- and the webhook request carries it on, so one trace runs from the HTTP request that caused the event to the
-- subscriber's endpoint. Empty when tracing is off.
ALTER TABLE delivery ADD COLUMN trace_parent VARCHAR(55);
