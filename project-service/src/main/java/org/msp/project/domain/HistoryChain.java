package org.msp.project.domain;

import org.msp.platform.history.HashChain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A project's history as a hash chain ({@link HashChain}): what an entry's content is, and that the
 * chain must end at the head the project published in its events.
 */
public final class HistoryChain {
    private HistoryChain() {
    }

    /**
     * A new entry after the chain's {@code head} (null for the first) at position {@code seq}, sealed
     * with its hash.
     */
    public static HistoryEntry append(String head, int seq, UUID projectId, OffsetDateTime at, String actor,
            String cause, ProjectStatus from, ProjectStatus to, String reason) {
        HistoryEntry entry = new HistoryEntry();
        entry.projectId = projectId;
        entry.seq = seq;
        entry.at = HashChain.stored(at);
        entry.actor = actor;
        entry.cause = cause;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.reason = reason;
        entry.previousHash = HashChain.after(head);
        entry.hash = hashOf(entry);
        return entry;
    }

    public static String hashOf(HistoryEntry entry) {
        return HashChain.hash(entry.previousHash, entry.projectId.toString(), Integer.toString(entry.seq),
                HashChain.instant(entry.at), entry.actor, entry.cause, Objects.toString(entry.fromStatus, ""),
                entry.toStatus.name(), Objects.toString(entry.reason, ""));
    }

    /**
     * The first entry (by seq) whose link or content does not check out, or a truncation: the chain
     * must end at {@code head}, the newest head the project recorded and published in its events
     * ({@code length} entries). Null when intact.
     */
    public static HashChain.Break verify(List<HistoryEntry> entries, String head, int length) {
        HashChain.Break broken = HashChain.verify(entries);
        if (broken != null || head == null) {
            return broken;
        }
        return HashChain.truncation(entries, head, length, "the newest published");
    }

    /** The first entry (by seq) whose link or content does not check out, or null when intact. */
    public static HashChain.Break verify(List<HistoryEntry> entries) {
        return HashChain.verify(entries);
    }
}
