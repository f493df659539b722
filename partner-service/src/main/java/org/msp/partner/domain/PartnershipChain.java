package org.msp.partner.domain;

import org.msp.platform.history.HashChain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A partnership's history as a hash chain ({@link HashChain}, as a project's): each hash covers the
 * previous hash and the entry's content, here including the whole public record after the change, so a
 * record changed behind the history's back no longer matches its newest entry.
 */
public final class PartnershipChain {
    private PartnershipChain() {
    }

    static PartnershipHistoryEntry append(String head, int seq, UUID partnershipId, OffsetDateTime at, String actor,
            String cause, PartnershipAction action, String snapshot) {
        PartnershipHistoryEntry entry = new PartnershipHistoryEntry();
        entry.partnershipId = partnershipId;
        entry.seq = seq;
        entry.at = HashChain.stored(at);
        entry.actor = actor;
        entry.cause = cause;
        entry.action = action;
        entry.snapshot = snapshot;
        entry.previousHash = HashChain.after(head);
        entry.hash = hashOf(entry);
        return entry;
    }

    public static String hashOf(PartnershipHistoryEntry entry) {
        return HashChain.hash(entry.previousHash, entry.partnershipId.toString(), Integer.toString(entry.seq),
                HashChain.instant(entry.at), entry.actor, entry.cause, entry.action.name(), entry.snapshot);
    }

    /**
     * Where the history stops checking out, or null when it is intact: every link and hash, the head and
     * length the partnership recorded (entries deleted from the end), and the record as it stands now
     * against the newest entry's snapshot (a change made without the history).
     */
    public static HashChain.Break verify(List<PartnershipHistoryEntry> entries, String head, int length,
            String currentSnapshot) {
        HashChain.Break broken = HashChain.verify(entries);
        if (broken == null) {
            broken = HashChain.truncation(entries, head, length, "the partnership's");
        }
        if (broken != null) {
            return broken;
        }
        if (entries.isEmpty()) {
            return new HashChain.Break(1, "the history has no entry yet");
        }
        if (!entries.get(entries.size() - 1).snapshot.equals(currentSnapshot)) {
            return new HashChain.Break(entries.size(), "the partnership as it stands does not match its newest history "
                    + "entry: it was changed without being recorded");
        }
        return null;
    }
}
