-- The minerals the project names, kept from its submitted event so that every event the review
-- publishes carries the project's facts (platform-events EventData). Stored as project-service stores
-- them, ",COBALT,COPPER," (a mineral filter is then a LIKE on ",NAME,"); ',' is no mineral at all.
-- Reviews opened before this migration never learnt their project's minerals: they keep ',' and
-- their events carry an empty list (the contract allows it) rather than a guess.
-- At most 10 minerals of at most 14 characters each (org.msp.events.Mineral): 400 leaves room.
ALTER TABLE review ADD COLUMN minerals VARCHAR(400) NOT NULL DEFAULT ',';
