-- Financing commitments as partner-service recorded them, kept here for the open data's budget.finance
-- (OC4IDS) and commitments.csv: the history says the same in words, this says it in columns.
CREATE TABLE financing_commitment (
    commitment_id         UUID           PRIMARY KEY,
    project_id            UUID           NOT NULL REFERENCES proposal (id),
    partner               VARCHAR(2)     NOT NULL,
    instrument            VARCHAR(40)    NOT NULL,
    amount                NUMERIC(16, 2) NOT NULL,
    currency              VARCHAR(3)     NOT NULL,
    amount_usd            NUMERIC(16, 2) NOT NULL,
    usd_rate_date         DATE           NOT NULL,
    agreement_document_id UUID,
    recorded_at           TIMESTAMPTZ    NOT NULL
);
CREATE INDEX financing_commitment_project ON financing_commitment (project_id);

-- The daily bulk archives of the open data: written once per day, never changed after (immutable), so a
-- re-user can cite one by its date and SHA-256. The zip is kept in the database, not on one instance's disk.
CREATE TABLE bulk_archive (
    day        DATE        PRIMARY KEY,
    data_as_of TIMESTAMPTZ NOT NULL,
    size_bytes BIGINT      NOT NULL,
    sha256     VARCHAR(64) NOT NULL,
    manifest   TEXT        NOT NULL,
    content    BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
ALTER TABLE bulk_archive ALTER COLUMN content SET STORAGE EXTERNAL;
