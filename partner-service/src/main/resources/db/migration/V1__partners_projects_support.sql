-- The partner registry: MSP partners and the producer countries they work with.
CREATE TABLE partner (
    code        VARCHAR(2)    PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    joined_on   DATE          NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by  VARCHAR(200)  NOT NULL
);

-- Founding MSP partners named in SPEC §1 joined at the MSP's launch (14 June 2022). Norway and the
-- producer countries are entered with the date this registry was seeded; the secretariat corrects
-- them when the dates are confirmed.
INSERT INTO partner (code, name, kind, joined_on, created_by) VALUES
    ('AU', 'Australia',                        'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('CA', 'Canada',                           'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('FI', 'Finland',                          'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('FR', 'France',                           'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('JP', 'Japan',                            'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('KR', 'Republic of Korea',                'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('NO', 'Norway',                           'MSP_PARTNER',      DATE '2026-11-23', 'seed'),
    ('SE', 'Sweden',                           'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('GB', 'United Kingdom',                   'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('US', 'United States',                    'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('EU', 'European Union',                   'MSP_PARTNER',      DATE '2022-06-14', 'seed'),
    ('AR', 'Argentina',                        'PRODUCER_COUNTRY', DATE '2026-11-23', 'seed'),
    ('BR', 'Brazil',                           'PRODUCER_COUNTRY', DATE '2026-11-23', 'seed'),
    ('CD', 'Democratic Republic of the Congo', 'PRODUCER_COUNTRY', DATE '2026-11-23', 'seed'),
    ('MN', 'Mongolia',                         'PRODUCER_COUNTRY', DATE '2026-11-23', 'seed'),
    ('MZ', 'Mozambique',                       'PRODUCER_COUNTRY', DATE '2026-11-23', 'seed'),
    ('NA', 'Namibia',                          'PRODUCER_COUNTRY', DATE '2026-11-23', 'seed'),
    ('TZ', 'Tanzania',                         'PRODUCER_COUNTRY', DATE '2026-11-23', 'seed'),
    ('ZM', 'Zambia',                           'PRODUCER_COUNTRY', DATE '2026-11-23', 'seed');

-- What this service knows of each project, built only from msp.projects events.
-- status_at is the time of the event that set the status: older events never overwrite newer ones.
CREATE TABLE project (
    id                  UUID          PRIMARY KEY,
    title               VARCHAR(200),
    status              VARCHAR(20)   NOT NULL,
    host_country        VARCHAR(2),
    submitting_partner  VARCHAR(2),
    status_at           TIMESTAMPTZ   NOT NULL,
    last_event_id       VARCHAR(100)  NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL
);

-- A partner's current interest in financing a project (one per partner and project).
CREATE TABLE partner_interest (
    project_id             UUID           NOT NULL REFERENCES project (id),
    partner                VARCHAR(2)     NOT NULL REFERENCES partner (code),
    instrument             VARCHAR(40)    NOT NULL,
    indicative_amount_usd  NUMERIC(14, 2) NOT NULL,
    note                   VARCHAR(2000),
    expressed_at           TIMESTAMPTZ    NOT NULL,
    updated_at             TIMESTAMPTZ    NOT NULL,
    updated_by             VARCHAR(200)   NOT NULL,
    PRIMARY KEY (project_id, partner)
);

-- A partner's standing endorsement of a project; withdrawing deletes the row (history keeps it).
CREATE TABLE endorsement (
    project_id  UUID          NOT NULL REFERENCES project (id),
    partner     VARCHAR(2)    NOT NULL REFERENCES partner (code),
    since       TIMESTAMPTZ   NOT NULL,
    given_by    VARCHAR(200)  NOT NULL,
    PRIMARY KEY (project_id, partner)
);

-- Append-only record of every change of support, with its actor and the event it published.
CREATE TABLE support_history (
    id                     BIGSERIAL      PRIMARY KEY,
    project_id             UUID           NOT NULL REFERENCES project (id),
    partner                VARCHAR(2)     NOT NULL,
    action                 VARCHAR(30)    NOT NULL,
    instrument             VARCHAR(40),
    indicative_amount_usd  NUMERIC(14, 2),
    note                   VARCHAR(2000),
    actor                  VARCHAR(200)   NOT NULL,
    at                     TIMESTAMPTZ    NOT NULL,
    event_id               VARCHAR(100)   NOT NULL
);
CREATE INDEX support_history_project ON support_history (project_id, id);
