-- The partnerships registry (SPEC §11): the agreements the pipeline serves, their milestones, and a
-- hash-chained history of every change. The secretariat writes; everyone reads.
CREATE TABLE partnership (
    id                   UUID           PRIMARY KEY,
    name                 VARCHAR(300)   NOT NULL,
    kind                 VARCHAR(40)    NOT NULL,
    -- the day it was signed, when a source states it
    signed_on            DATE,
    -- when it was announced or launched, as precisely as the source says: 2022, 2022-06 or 2022-06-14
    announced            VARCHAR(10),
    signing_place        VARCHAR(200),
    -- where the facts come from: a citation (a seed file, a publication) and a link when there is one
    source_reference     VARCHAR(300)   NOT NULL,
    source_url           VARCHAR(2000),
    source_published_on  DATE,
    objectives           VARCHAR(4000),
    -- on the IEA/NRGI scale; null when no source supports a level (disclosure_basis says why)
    disclosure_level     VARCHAR(40),
    disclosure_basis     VARCHAR(2000),
    created_at           TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by           VARCHAR(200)   NOT NULL,
    updated_at           TIMESTAMPTZ    NOT NULL DEFAULT now(),
    -- the newest entry of the history chain and how many entries it has (0: not yet recorded)
    history_head         VARCHAR(64),
    history_length       INTEGER        NOT NULL DEFAULT 0
);

-- The parties: ISO 3166-1 alpha-2 codes or EU. Not a reference to the partner registry: the registry
-- lists MSP partners and producer countries only, and a partnership may have other parties (India).
CREATE TABLE partnership_party (
    partnership_id  UUID        NOT NULL REFERENCES partnership (id),
    position        INTEGER     NOT NULL,
    code            VARCHAR(2)  NOT NULL,
    PRIMARY KEY (partnership_id, position),
    UNIQUE (partnership_id, code)
);

CREATE TABLE partnership_milestone (
    id              UUID           PRIMARY KEY,
    partnership_id  UUID           NOT NULL REFERENCES partnership (id),
    title           VARCHAR(300)   NOT NULL,
    due_on          DATE,
    status          VARCHAR(20)    NOT NULL,
    met_on          DATE,
    evidence_url    VARCHAR(2000),
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX partnership_milestone_partnership ON partnership_milestone (partnership_id, created_at, id);

-- Append-only: each entry's hash covers the previous entry's hash, the change and the partnership's
-- whole public record after it (snapshot), so editing, inserting or deleting any entry breaks the chain.
CREATE TABLE partnership_history (
    id              BIGSERIAL      PRIMARY KEY,
    partnership_id  UUID           NOT NULL REFERENCES partnership (id),
    seq             INTEGER        NOT NULL,
    at              TIMESTAMPTZ    NOT NULL,
    actor           VARCHAR(200)   NOT NULL,
    cause           VARCHAR(300)   NOT NULL,
    action          VARCHAR(30)    NOT NULL,
    snapshot        TEXT           NOT NULL,
    previous_hash   VARCHAR(64)    NOT NULL,
    hash            VARCHAR(64)    NOT NULL,
    UNIQUE (partnership_id, seq)
);

-- The partnership a project is proposed under (named by its submitting partner or the secretariat).
ALTER TABLE project ADD COLUMN partnership_id UUID REFERENCES partnership (id);
CREATE INDEX project_partnership ON project (partnership_id);
-- ... and in the project's support history, the partnership a PARTNERSHIP_NAMED line named (null: none)
ALTER TABLE support_history ADD COLUMN partnership_id UUID;

-- Seed: the partnerships the platform's source texts name (/work/shared/seeds, cited by file name),
-- each with only what its source states; a field the source does not give stays NULL. The sources give
-- no URLs. Objectives are paraphrased, not quoted. The history's first entry of each seeded row is
-- written at startup (PartnershipSeeds), by the same code that hashes every later change, so the chain
-- has one definition of its hash.
--
-- Disclosure levels, on the IEA/NRGI scale (seeds/004_80d1343e16aa7294.txt: about two-thirds of such
-- partnerships publish nothing beyond an initial press release). The finding is about partnerships in
-- general, so each level below rests on what the partnership's own source shows:
INSERT INTO partnership (id, name, kind, signed_on, announced, signing_place, source_reference, source_url,
        source_published_on, objectives, disclosure_level, disclosure_basis, created_by) VALUES
    -- MSP: ANNOUNCEMENT_ONLY. The source is a statement of the Office of the Spokesperson about a
    -- convening; it says the MSP was first announced in June 2022 and cites no published text, roadmap
    -- or implementation report. It was announced, not signed: signed_on stays NULL. The parties are the
    -- MSP partners the source lists; the minerals-rich countries it names attended, they are no parties.
    ('a5e0d000-0000-4000-8000-000000000001', 'Minerals Security Partnership', 'MULTILATERAL_PARTNERSHIP',
     NULL, '2022-06', NULL, 'seeds/002_a44bfd808c694c67.txt', NULL, NULL,
     'Stronger critical-mineral supply chains for the clean energy transition; minerals produced, processed and recycled so that producing countries can realise the economic development potential of their resources; more public and private investment; more transparency; high environmental, social and governance (ESG) standards along the supply chains.',
     'ANNOUNCEMENT_ONLY',
     'The source is a spokesperson''s statement saying the MSP was first announced in June 2022; it cites no published text, roadmap or implementation report.',
     'seed'),
    -- UK-US MOU: no level. The source reports the signing in Washington DC and summarises the
    -- memorandum's aims, but neither publishes nor links its text, says working groups have yet to draw
    -- up roadmaps and milestones, and does not present itself as an announcement. It does not state the
    -- signing date; 2026-02-05 is the date of the source, not of the signing.
    ('a5e0d000-0000-4000-8000-000000000002', 'UK–US Memorandum of Understanding on critical minerals',
     'MEMORANDUM_OF_UNDERSTANDING', NULL, NULL, 'Washington DC', 'seeds/000_62ae63fa03ffe8e6.txt', NULL,
     DATE '2026-02-05',
     'A framework for continuing dialogue among governments, industry and academia; exchange of data and good practice to map mineral resources, watch supply-chain risks and align ESG standards; joint research and development from exploration to processing and recycling, with workforce development; diversified and more resilient supply chains, less dependent on single sources; responsible mining with community engagement and transparent reporting.',
     NULL,
     'The source reports the signing and summarises the aims, but neither publishes nor links the text, and says roadmaps are still to be drawn up; it does not call itself an announcement, so no level is claimed.',
     'seed'),
    -- US-EU dialogue: no level. A blog post says the dialogue was launched in October 2020 and held its
    -- first meeting in Brussels in December 2020; it publishes no text, roadmap or report of the dialogue
    -- and is not an announcement by the parties.
    ('a5e0d000-0000-4000-8000-000000000003', 'US–EU Critical Minerals dialogue', 'DIALOGUE',
     NULL, '2020-10', NULL, 'seeds/001_c9faea0ecc85b0fe.txt', NULL, NULL,
     'Cooperation between the United States and the European Union on issues of critical-mineral supply chains.',
     NULL,
     'A blog post reports the launch and a first meeting; it publishes no text, roadmap or report of the dialogue and is not an announcement by the parties, so no level is claimed.',
     'seed'),
    -- UK-India TSI: no level. A news report, citing the Indian government, says the initiative was
    -- established; it gives no date, publishes no text or roadmap and does not call itself an announcement.
    ('a5e0d000-0000-4000-8000-000000000004', 'UK–India Technology Security Initiative', 'INITIATIVE',
     NULL, NULL, NULL, 'seeds/003_1e4d6479074e6eb5.txt', NULL, NULL,
     'Closer cooperation on technologies both countries see as crucial to security and growth, among them semiconductors, critical minerals and artificial intelligence; for critical minerals, a joint recycling centre in India is under consideration and the two geological surveys mean to work together on rare-earth exploration methods.',
     NULL,
     'A news report citing the Indian government; it gives no date, publishes no text, roadmap or report and does not call itself an announcement, so no level is claimed.',
     'seed');

INSERT INTO partnership_party (partnership_id, position, code) VALUES
    ('a5e0d000-0000-4000-8000-000000000001', 0, 'AU'), ('a5e0d000-0000-4000-8000-000000000001', 1, 'CA'),
    ('a5e0d000-0000-4000-8000-000000000001', 2, 'FI'), ('a5e0d000-0000-4000-8000-000000000001', 3, 'FR'),
    ('a5e0d000-0000-4000-8000-000000000001', 4, 'JP'), ('a5e0d000-0000-4000-8000-000000000001', 5, 'KR'),
    ('a5e0d000-0000-4000-8000-000000000001', 6, 'NO'), ('a5e0d000-0000-4000-8000-000000000001', 7, 'SE'),
    ('a5e0d000-0000-4000-8000-000000000001', 8, 'GB'), ('a5e0d000-0000-4000-8000-000000000001', 9, 'US'),
    ('a5e0d000-0000-4000-8000-000000000001', 10, 'EU'),
    ('a5e0d000-0000-4000-8000-000000000002', 0, 'GB'), ('a5e0d000-0000-4000-8000-000000000002', 1, 'US'),
    ('a5e0d000-0000-4000-8000-000000000003', 0, 'US'), ('a5e0d000-0000-4000-8000-000000000003', 1, 'EU'),
    ('a5e0d000-0000-4000-8000-000000000004', 0, 'GB'), ('a5e0d000-0000-4000-8000-000000000004', 1, 'IN');

-- Milestones the sources state. The MOU's source names working groups as the next step, with no date;
-- the dialogue's source says its first meeting was held in Brussels in December 2020 (no day: met_on
-- stays NULL, so it is not counted as met on time or late).
INSERT INTO partnership_milestone (id, partnership_id, title, due_on, status, met_on, evidence_url) VALUES
    ('a5e0d000-0000-4000-8000-0000000000a1', 'a5e0d000-0000-4000-8000-000000000002',
     'Cross-border working groups formed on specific minerals, supply-chain segments and research themes',
     NULL, 'PLANNED', NULL, NULL),
    ('a5e0d000-0000-4000-8000-0000000000a2', 'a5e0d000-0000-4000-8000-000000000003',
     'First meeting, in Brussels, December 2020', NULL, 'MET', NULL, NULL);
