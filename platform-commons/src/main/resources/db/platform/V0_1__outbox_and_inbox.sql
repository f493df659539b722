-- Shared plumbing tables; every service database gets them through Flyway (location db/platform).

-- Transactional outbox: events written in the same transaction as the state they describe, then
-- published to Kafka by the relay in seq order.
CREATE TABLE outbox_message (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     VARCHAR(100)  NOT NULL UNIQUE,
    topic        VARCHAR(200)  NOT NULL,
    message_key  VARCHAR(200)  NOT NULL,
    event_type   VARCHAR(200)  NOT NULL,
    payload      TEXT          NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    sent_at      TIMESTAMPTZ
);
CREATE INDEX outbox_message_unsent ON outbox_message (seq) WHERE sent_at IS NULL;

-- Consumer inbox: one row per consumed event (CloudEvents identity is source + id), written in
-- the same transaction as the event's effect, so a redelivered event changes nothing.
CREATE TABLE inbox_message (
    source       VARCHAR(200)  NOT NULL,
    event_id     VARCHAR(100)  NOT NULL,
    event_type   VARCHAR(200)  NOT NULL,
    subject      VARCHAR(200),
    received_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    outcome      VARCHAR(20)   NOT NULL,
    reason       VARCHAR(1000),
    PRIMARY KEY (source, event_id)
);
