-- What this service knows about each project, learned from msp.projects (and review-opened) events
-- only, so that later partner and ESG events can be filtered by country and mineral.
CREATE TABLE project_facts (
    project_id          VARCHAR(100)  PRIMARY KEY,
    title               VARCHAR(300),
    host_country        VARCHAR(2),
    submitting_partner  VARCHAR(2),
    -- stored as ",LITHIUM,COBALT," so a filter is a LIKE on ",NAME,"
    minerals            VARCHAR(400)  NOT NULL DEFAULT ',',
    updated_at          TIMESTAMPTZ   NOT NULL
);

-- The public timeline: one entry per consumed pipeline event; what the feed and the stream serve.
CREATE TABLE timeline_entry (
    seq          BIGSERIAL     PRIMARY KEY,
    event_id     VARCHAR(200)  NOT NULL UNIQUE,
    source       VARCHAR(200)  NOT NULL,
    event_type   VARCHAR(200)  NOT NULL,
    project_id   VARCHAR(100)  NOT NULL,
    title        VARCHAR(300),
    countries    VARCHAR(200)  NOT NULL,
    minerals     VARCHAR(400)  NOT NULL,
    occurred_at  TIMESTAMPTZ   NOT NULL,
    summary      VARCHAR(1000) NOT NULL,
    -- the CloudEvent exactly as consumed: the body webhooks receive
    event_json   TEXT          NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX timeline_entry_project ON timeline_entry (project_id);

-- Subscriptions: the secret itself is never stored; its SHA-256 authenticates the holder and an
-- AES-GCM ciphertext (service key from config) lets the delivery worker sign webhook bodies with it.
CREATE TABLE subscription (
    id                 UUID          PRIMARY KEY,
    channel            VARCHAR(20)   NOT NULL,
    target             VARCHAR(2000) NOT NULL,
    filter_project_ids TEXT          NOT NULL,
    filter_countries   VARCHAR(1000) NOT NULL,
    filter_minerals    VARCHAR(1000) NOT NULL,
    filter_event_types VARCHAR(2000) NOT NULL,
    secret_hash        VARCHAR(64)   NOT NULL,
    secret_ciphertext  VARCHAR(500)  NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    created_by         VARCHAR(200)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    deleted_at         TIMESTAMPTZ
);
CREATE INDEX subscription_active ON subscription (status);

-- The delivery log: exactly one row per (subscription, event); the row is also the work queue, so
-- pending deliveries survive a restart.
CREATE TABLE delivery (
    id               UUID          PRIMARY KEY,
    subscription_id  UUID          NOT NULL REFERENCES subscription (id),
    event_id         VARCHAR(200)  NOT NULL REFERENCES timeline_entry (event_id),
    event_type       VARCHAR(200)  NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMPTZ   NOT NULL,
    delivered_at     TIMESTAMPTZ,
    CONSTRAINT delivery_once_per_subscription_and_event UNIQUE (subscription_id, event_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
