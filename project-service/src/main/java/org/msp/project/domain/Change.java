package org.msp.project.domain;

import org.msp.events.EventData;

/**
 * What a decision of the {@link Proposal} changed: the step its history records (from, to, why) and
 * the event it causes, if any (a draft's edits are history but not news).
 */
public record Change(ProjectStatus from, ProjectStatus to, String reason, EventData event) {
}
