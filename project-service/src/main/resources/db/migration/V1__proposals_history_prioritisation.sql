-- Proposals and their lifecycle state; minerals stored as ",LITHIUM,COBALT," for simple filtering.
CREATE TABLE proposal (
    id                           UUID PRIMARY KEY,
    title                        VARCHAR(200)   NOT NULL,
    summary                      VARCHAR(5000)  NOT NULL,
    host_country                 VARCHAR(2)     NOT NULL,
    minerals                     VARCHAR(400)   NOT NULL,
    value_chain_stage            VARCHAR(20)    NOT NULL,
    sponsor                      VARCHAR(200)   NOT NULL,
    requested_financing_usd      NUMERIC(16, 2) NOT NULL,
    feasibility_study_public     BOOLEAN        NOT NULL,
    agreement_public             BOOLEAN        NOT NULL,
    community_consultation_held  BOOLEAN        NOT NULL,
    submitting_partner           VARCHAR(2)     NOT NULL,
    status                       VARCHAR(20)    NOT NULL,
    version                      INTEGER        NOT NULL,
    created_at                   TIMESTAMPTZ    NOT NULL,
    updated_at                   TIMESTAMPTZ    NOT NULL,
    submitted_at                 TIMESTAMPTZ,
    esg_review_id                VARCHAR(100),
    esg_outcome                  VARCHAR(40),
    esg_score                    NUMERIC(5, 2),
    esg_conditions               TEXT,
    priority_rank                INTEGER,
    priority_score               NUMERIC(6, 2),
    priority_breakdown           TEXT,
    prioritisation_round_id      UUID
);
CREATE INDEX proposal_status ON proposal (status);
CREATE INDEX proposal_host_country ON proposal (host_country);
CREATE INDEX proposal_submitting_partner ON proposal (submitting_partner);

-- Append-only, hash-chained history of every lifecycle step of a project.
CREATE TABLE project_history (
    id            BIGSERIAL PRIMARY KEY,
    project_id    UUID          NOT NULL REFERENCES proposal (id),
    seq           INTEGER       NOT NULL,
    at            TIMESTAMPTZ   NOT NULL,
    actor         VARCHAR(200)  NOT NULL,
    cause         VARCHAR(300)  NOT NULL,
    from_status   VARCHAR(20),
    to_status     VARCHAR(20)   NOT NULL,
    reason        VARCHAR(2000),
    previous_hash VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL,
    UNIQUE (project_id, seq)
);

-- Standing endorsements and indicative financing per partner, known from partner-support events.
CREATE TABLE standing_endorsement (
    project_id  UUID        NOT NULL REFERENCES proposal (id),
    partner     VARCHAR(2)  NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, partner)
);
CREATE TABLE partner_interest (
    project_id              UUID           NOT NULL REFERENCES proposal (id),
    partner                 VARCHAR(2)     NOT NULL,
    instrument              VARCHAR(40)    NOT NULL,
    indicative_amount_usd   NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (project_id, partner)
);

-- Frozen prioritisation rounds.
CREATE TABLE prioritisation_round (
    id       UUID PRIMARY KEY,
    run_at   TIMESTAMPTZ   NOT NULL,
    run_by   VARCHAR(200)  NOT NULL,
    weights  TEXT          NOT NULL,
    ranking  TEXT          NOT NULL
);
