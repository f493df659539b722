-- Follow-through (SPEC §11): what partners committed and paid out, and the action plan it is paid against.

-- The project's action plan as project-service last published it (org.msp.project.action-plan-updated.v1),
-- replaced whole by each event. No foreign key to project: the plan is kept whatever the order events came in.
CREATE TABLE action_plan (
    project_id     UUID          PRIMARY KEY,
    as_of          TIMESTAMPTZ   NOT NULL,
    last_event_id  VARCHAR(100)  NOT NULL
);
CREATE TABLE action_plan_item (
    project_id         UUID          NOT NULL REFERENCES action_plan (project_id),
    position           INT           NOT NULL,
    code               VARCHAR(60)   NOT NULL,
    title              VARCHAR(300)  NOT NULL,
    critical           BOOLEAN       NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    due_date           DATE          NOT NULL,
    responsible_party  VARCHAR(200),
    verified_by        VARCHAR(2),
    PRIMARY KEY (project_id, position)
);

-- A partner's financing commitment, in the agreement's currency and in US dollars at a stated rate date.
CREATE TABLE commitment (
    id                     UUID           PRIMARY KEY,
    project_id             UUID           NOT NULL REFERENCES project (id),
    partner                VARCHAR(2)     NOT NULL REFERENCES partner (code),
    instrument             VARCHAR(40)    NOT NULL,
    amount                 NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    currency               VARCHAR(3)     NOT NULL,
    amount_usd             NUMERIC(16, 2) NOT NULL CHECK (amount_usd > 0),
    usd_rate_date          DATE           NOT NULL,
    agreement_document_id  UUID,
    recorded_at            TIMESTAMPTZ    NOT NULL,
    recorded_by            VARCHAR(200)   NOT NULL,
    event_id               VARCHAR(100)   NOT NULL
);
CREATE INDEX commitment_project ON commitment (project_id, recorded_at);

-- Money paid out against a commitment; an override of unmet critical conditions is kept with its reason.
CREATE TABLE disbursement (
    id               UUID           PRIMARY KEY,
    commitment_id    UUID           NOT NULL REFERENCES commitment (id),
    project_id       UUID           NOT NULL REFERENCES project (id),
    partner          VARCHAR(2)     NOT NULL,
    amount           NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    currency         VARCHAR(3)     NOT NULL,
    amount_usd       NUMERIC(16, 2) NOT NULL CHECK (amount_usd > 0),
    disbursed_on     DATE           NOT NULL,
    override_reason  VARCHAR(4000),
    recorded_at      TIMESTAMPTZ    NOT NULL,
    recorded_by      VARCHAR(200)   NOT NULL,
    event_id         VARCHAR(100)   NOT NULL
);
CREATE INDEX disbursement_commitment ON disbursement (commitment_id, recorded_at);

-- The action-plan conditions a disbursement is tied to; overridden = critical and unmet when it was paid.
CREATE TABLE disbursement_condition (
    disbursement_id  UUID         NOT NULL REFERENCES disbursement (id),
    position         INT          NOT NULL,
    code             VARCHAR(60)  NOT NULL,
    overridden       BOOLEAN      NOT NULL,
    PRIMARY KEY (disbursement_id, position)
);

-- The support history also tells commitments and disbursements, overrides included.
ALTER TABLE support_history
    ADD COLUMN commitment_id          UUID,
    ADD COLUMN amount                 NUMERIC(16, 2),
    ADD COLUMN currency               VARCHAR(3),
    ADD COLUMN amount_usd             NUMERIC(16, 2),
    ADD COLUMN overridden_conditions  VARCHAR(6200),
    ADD COLUMN override_reason        VARCHAR(4000);
