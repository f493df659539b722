-- Checklist templates: versioned per key; a template is frozen (used_at set) as soon as a review opens on it.
CREATE TABLE checklist_template (
    id           UUID PRIMARY KEY,
    template_key VARCHAR(60)   NOT NULL,
    version      INTEGER       NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000),
    created_at   TIMESTAMPTZ   NOT NULL,
    created_by   VARCHAR(200)  NOT NULL,
    used_at      TIMESTAMPTZ,
    UNIQUE (template_key, version)
);

CREATE TABLE checklist_item (
    id           BIGSERIAL PRIMARY KEY,
    template_id  UUID          NOT NULL REFERENCES checklist_template (id),
    position     INTEGER       NOT NULL,
    code         VARCHAR(60)   NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    guidance     VARCHAR(4000) NOT NULL,
    framework    VARCHAR(200)  NOT NULL,
    weight       INTEGER       NOT NULL CHECK (weight > 0),
    critical     BOOLEAN       NOT NULL,
    UNIQUE (template_id, code)
);

-- One review per project, opened by the project's submitted event.
CREATE TABLE review (
    id                  UUID PRIMARY KEY,
    project_id          UUID          NOT NULL UNIQUE,
    project_title       VARCHAR(300)  NOT NULL,
    host_country        VARCHAR(2)    NOT NULL,
    submitting_partner  VARCHAR(2)    NOT NULL,
    template_id         UUID          NOT NULL REFERENCES checklist_template (id),
    template_version    INTEGER       NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    opened_at           TIMESTAMPTZ   NOT NULL,
    reviewer            VARCHAR(200),
    reviewer_country    VARCHAR(2),
    assigned_at         TIMESTAMPTZ,
    assigned_by         VARCHAR(200),
    risk_category       VARCHAR(1),
    outcome             VARCHAR(30),
    score               NUMERIC(5, 2),
    completed_at        TIMESTAMPTZ,
    closed_reason       VARCHAR(2000),
    version             INTEGER       NOT NULL
);
CREATE INDEX review_status ON review (status);

-- The review's copy of the template's items with the reviewer's ratings (a completed review is a
-- self-contained public record).
CREATE TABLE review_item (
    id             BIGSERIAL PRIMARY KEY,
    review_id      UUID          NOT NULL REFERENCES review (id),
    position       INTEGER       NOT NULL,
    code           VARCHAR(60)   NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    framework      VARCHAR(200)  NOT NULL,
    weight         INTEGER       NOT NULL,
    critical       BOOLEAN       NOT NULL,
    rating         VARCHAR(20),
    evidence       VARCHAR(8000),
    evidence_urls  VARCHAR(8000),
    comment        VARCHAR(4000),
    rated_at       TIMESTAMPTZ,
    UNIQUE (review_id, code)
);

-- Every change to a review, in order: opened, assigned, each (re-)rating, completed, cancelled.
CREATE TABLE review_history (
    id         BIGSERIAL PRIMARY KEY,
    review_id  UUID          NOT NULL REFERENCES review (id),
    at         TIMESTAMPTZ   NOT NULL,
    actor      VARCHAR(200)  NOT NULL,
    action     VARCHAR(20)   NOT NULL,
    item_code  VARCHAR(60),
    rating     VARCHAR(20),
    detail     VARCHAR(4000)
);
CREATE INDEX review_history_review ON review_history (review_id, id);
