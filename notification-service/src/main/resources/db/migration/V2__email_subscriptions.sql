-- E-mail subscriptions start PENDING_CONFIRMATION: a link with a one-time token is mailed to the address
-- and nothing else is sent there until it is followed. Only the token's SHA-256 is kept.
ALTER TABLE subscription ADD COLUMN confirmation_token_hash  VARCHAR(64);
ALTER TABLE subscription ADD COLUMN confirmation_expires_at  TIMESTAMPTZ;
ALTER TABLE subscription ADD COLUMN confirmed_at             TIMESTAMPTZ;
-- the worker needs the secret itself only to sign webhooks; e-mail subscriptions keep just its hash
ALTER TABLE subscription ALTER COLUMN secret_ciphertext DROP NOT NULL;

-- The confirmation mail is a delivery too (same queue, retries and log), one per subscription; it
-- concerns no event, so event_id is empty for it.
ALTER TABLE delivery ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'EVENT';
ALTER TABLE delivery ALTER COLUMN event_id DROP NOT NULL;
ALTER TABLE delivery ALTER COLUMN event_type DROP NOT NULL;
ALTER TABLE delivery ADD CONSTRAINT delivery_event_or_confirmation
    CHECK ((kind = 'EVENT' AND event_id IS NOT NULL) OR (kind = 'CONFIRMATION' AND event_id IS NULL));
CREATE UNIQUE INDEX delivery_one_confirmation_per_subscription ON delivery (subscription_id)
    WHERE kind = 'CONFIRMATION';
