-- Documents a project publishes (SPEC §9). Never changed once written: a new version is a new row that
-- names the one it supersedes. The bytes live in fixed-size chunks so that an upload or a download
-- holds one chunk in memory, not the whole file, and a Range request reads only the chunks it needs.
CREATE TABLE project_document (
    id             UUID PRIMARY KEY,
    project_id     UUID          NOT NULL REFERENCES proposal (id),
    document_type  VARCHAR(40)   NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    language       VARCHAR(20)   NOT NULL,
    media_type     VARCHAR(100)  NOT NULL,
    size_bytes     BIGINT        NOT NULL CHECK (size_bytes > 0),
    sha256         VARCHAR(64)   NOT NULL,
    supersedes     UUID          REFERENCES project_document (id),
    published_at   TIMESTAMPTZ   NOT NULL,
    published_by   VARCHAR(200)  NOT NULL,
    history_seq    INTEGER       NOT NULL
);
CREATE INDEX project_document_project ON project_document (project_id, published_at);
-- a version is superseded at most once: versions form a line, not a tree
CREATE UNIQUE INDEX project_document_supersedes ON project_document (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE document_chunk (
    document_id  UUID     NOT NULL REFERENCES project_document (id),
    seq          INTEGER  NOT NULL,
    bytes        BYTEA    NOT NULL,
    PRIMARY KEY (document_id, seq)
);
-- the chunks are already compressed or not worth compressing again: store them as they are
ALTER TABLE document_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- A consultation closed by esg-review-service counts as "community consultation held" in the score.
ALTER TABLE proposal ADD COLUMN consultation_closed_at TIMESTAMPTZ;
