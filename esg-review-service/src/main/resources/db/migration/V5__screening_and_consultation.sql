-- Screening and public consultation (SPEC §9). The assigned reviewer screens the project (a risk
-- category and a plain-language summary), which opens a public comment window; consultation_closed_at
-- is set once, when the window's end is recorded and consultation-closed.v1 is published.
ALTER TABLE review ADD COLUMN screened_at            TIMESTAMPTZ;
ALTER TABLE review ADD COLUMN screening_category     VARCHAR(1);
ALTER TABLE review ADD COLUMN screening_summary      VARCHAR(4000);
ALTER TABLE review ADD COLUMN consultation_opens_at  TIMESTAMPTZ;
ALTER TABLE review ADD COLUMN consultation_closes_at TIMESTAMPTZ;
ALTER TABLE review ADD COLUMN consultation_closed_at TIMESTAMPTZ;
-- why the completion's category differs from the screening's (published with the review)
ALTER TABLE review ADD COLUMN category_change_reason VARCHAR(2000);
-- the periodic closing check looks only at windows whose end is not yet recorded
CREATE INDEX review_consultation_to_close ON review (consultation_closes_at)
    WHERE consultation_closes_at IS NOT NULL AND consultation_closed_at IS NULL;

-- The comments of a consultation. Never deleted: the secretariat may hide one (hidden_at, hidden_by,
-- hidden_reason), which withholds its body from the public and keeps everything else.
-- author_subject is the commenter's token subject, kept for accountability and never published;
-- author_name is the name it publishes under (never an e-mail address).
CREATE TABLE consultation_comment (
    id              UUID PRIMARY KEY,
    review_id       UUID          NOT NULL REFERENCES review (id),
    position        INTEGER       NOT NULL,
    author_subject  VARCHAR(200)  NOT NULL,
    author_name     VARCHAR(100)  NOT NULL,
    author_role     VARCHAR(40)   NOT NULL,
    on_behalf_of    VARCHAR(200),
    body            VARCHAR(4000) NOT NULL,
    language        VARCHAR(35)   NOT NULL,
    item_codes      VARCHAR(4000) NOT NULL,
    received_at     TIMESTAMPTZ   NOT NULL,
    disposition     VARCHAR(30),
    response        VARCHAR(4000),
    answered_at     TIMESTAMPTZ,
    hidden_at       TIMESTAMPTZ,
    hidden_by       VARCHAR(200),
    hidden_reason   VARCHAR(1000),
    UNIQUE (review_id, position)
);

-- Documents project-service published (org.msp.project.document-published.v1), so that a reviewer
-- can cite them as evidence and the cited SHA-256 can be checked.
CREATE TABLE project_document (
    document_id    UUID PRIMARY KEY,
    project_id     UUID          NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    document_type  VARCHAR(60)   NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    learnt_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX project_document_project ON project_document (project_id);

-- one "<documentId> <sha256>" per line, at most 10 documents per rating
ALTER TABLE review_item ADD COLUMN evidence_documents VARCHAR(1100);
