package org.msp.project.api;

import org.msp.project.domain.HistoryEntry;
import org.msp.project.domain.ProjectStatus;

import java.time.OffsetDateTime;

/** One public history entry, with the hashes that chain it to the previous one. */
public record HistoryView(int seq, OffsetDateTime at, String actor, String cause, ProjectStatus from,
        ProjectStatus to, String reason, String previousHash, String hash) {

    static HistoryView of(HistoryEntry e) {
        return new HistoryView(e.seq, e.at, e.actor, e.cause, e.fromStatus, e.toStatus, e.reason, e.previousHash, e.hash);
    }
}
