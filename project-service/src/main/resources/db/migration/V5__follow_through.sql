-- Partnerships, the host government's word, and what follows prioritisation (SPEC §11).

-- The partnership the project is proposed under, as partner-service (which keeps the registry) named it.
ALTER TABLE proposal ADD COLUMN partnership_id   UUID;
ALTER TABLE proposal ADD COLUMN partnership_name VARCHAR(300);
ALTER TABLE proposal ADD COLUMN partnership_kind VARCHAR(40);

-- The host government's consent or objection: public, with its reason.
ALTER TABLE proposal ADD COLUMN host_consent        VARCHAR(20);
ALTER TABLE proposal ADD COLUMN host_consent_reason VARCHAR(4000);
ALTER TABLE proposal ADD COLUMN host_consent_at     TIMESTAMPTZ;

-- The public action plan drawn from the review's conditions: one row per condition.
CREATE TABLE action_item (
    project_id           UUID          NOT NULL REFERENCES proposal (id),
    code                 VARCHAR(60)   NOT NULL,
    position             INT           NOT NULL,
    title                VARCHAR(300)  NOT NULL,
    critical             BOOLEAN       NOT NULL,
    responsible_party    VARCHAR(200),
    due_date             DATE          NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    evidence_document_id UUID REFERENCES project_document (id),
    verified_by          VARCHAR(2),
    verified_by_actor    VARCHAR(200),
    verified_at          TIMESTAMPTZ,
    verification_note    VARCHAR(4000),
    PRIMARY KEY (project_id, code)
);

-- A history line now quotes a host government's reason or a disbursement's override reason in full.
ALTER TABLE project_history ALTER COLUMN reason TYPE TEXT;
