-- The minerals a project names, as every msp.projects event now carries them, so that the events
-- published here carry them too. Stored as ",COBALT,COPPER," like project-service. Null for a project
-- known from before this column until its next project event fills it in.
ALTER TABLE project ADD COLUMN minerals VARCHAR(400);
