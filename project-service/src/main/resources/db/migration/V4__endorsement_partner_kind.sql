-- Only MSP partners count toward the endorsement quorum (SPEC §11): a producer country's endorsement is
-- kept (it is shown) but not counted. NULL: an endorsement recorded before partner-service said the kind,
-- counted as it was then.
ALTER TABLE standing_endorsement ADD COLUMN counts_toward_quorum BOOLEAN;
