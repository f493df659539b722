package org.msp.partner.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The SHA-256 chain over a partnership's history, the same idea as a project's (project-service's
 * {@code HistoryChain}): each hash covers the previous hash and the entry's content, here including the
 * whole public record after the change, so changing, inserting or deleting a past entry breaks every
 * later link, and a record changed behind the history's back no longer matches its newest entry.
 */
public final class PartnershipChain {
    /** The previous hash of a partnership's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private PartnershipChain() {
    }

    static PartnershipHistoryEntry append(String head, int seq, UUID partnershipId, OffsetDateTime at, String actor,
            String cause, PartnershipAction action, String snapshot) {
        PartnershipHistoryEntry entry = new PartnershipHistoryEntry();
        entry.partnershipId = partnershipId;
        entry.seq = seq;
        // the database keeps microseconds: hash what will be read back
        entry.at = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.cause = cause;
        entry.action = action;
        entry.snapshot = snapshot;
        entry.previousHash = head == null ? GENESIS : head;
        entry.hash = hashOf(entry);
        return entry;
    }

    public static String hashOf(PartnershipHistoryEntry entry) {
        String content = String.join("\u001f",
                entry.previousHash,
                entry.partnershipId.toString(),
                Integer.toString(entry.seq),
                DateTimeFormatter.ISO_INSTANT.format(entry.at.toInstant().truncatedTo(ChronoUnit.MICROS)),
                entry.actor,
                entry.cause,
                entry.action.name(),
                entry.snapshot);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Where the history stops checking out, or null when it is intact: every link and hash, the head and
     * length the partnership recorded (entries deleted from the end), and the record as it stands now
     * against the newest entry's snapshot (a change made without the history).
     */
    public static Break verify(List<PartnershipHistoryEntry> entries, String head, int length, String currentSnapshot) {
        String expectedPrevious = GENESIS;
        int expectedSeq = 1;
        for (PartnershipHistoryEntry entry : entries) {
            if (entry.seq != expectedSeq) {
                return new Break(entry.seq, "expected entry " + expectedSeq + " but found " + entry.seq);
            }
            if (!entry.previousHash.equals(expectedPrevious)) {
                return new Break(entry.seq, "previous hash does not match entry " + (entry.seq - 1));
            }
            if (!hashOf(entry).equals(entry.hash)) {
                return new Break(entry.seq, "content does not match its hash");
            }
            expectedPrevious = entry.hash;
            expectedSeq++;
        }
        String last = entries.isEmpty() ? null : entries.get(entries.size() - 1).hash;
        if (entries.size() < length || (head != null && !head.equals(last))) {
            return new Break(entries.size() + 1, "the history ends at entry " + entries.size()
                    + " but the partnership's head is entry " + length + ": entries were deleted");
        }
        if (entries.isEmpty()) {
            return new Break(1, "the history has no entry yet");
        }
        if (!entries.get(entries.size() - 1).snapshot.equals(currentSnapshot)) {
            return new Break(entries.size(), "the partnership as it stands does not match its newest history entry: "
                    + "it was changed without being recorded");
        }
        return null;
    }

    public record Break(int seq, String problem) {
    }
}
