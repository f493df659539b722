package org.msp.project.domain;

import org.junit.jupiter.api.Test;
import org.msp.platform.history.HashChain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class HistoryChainTest {
    private final UUID project = UUID.randomUUID();

    private List<HistoryEntry> chain() {
        List<HistoryEntry> entries = new ArrayList<>();
        OffsetDateTime t = OffsetDateTime.parse("2026-11-23T10:00:00Z");
        entries.add(HistoryChain.append(null, 1, project, t, "alice", "POST /projects", null, ProjectStatus.DRAFT, "draft"));
        entries.add(HistoryChain.append(entries.get(0).hash, 2, project, t.plusMinutes(1), "alice", "POST submit",
                ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, "submitted"));
        entries.add(HistoryChain.append(entries.get(1).hash, 3, project, t.plusMinutes(2), "event:/msp/esg-review-service",
                "event 1", ProjectStatus.SUBMITTED, ProjectStatus.ESG_REVIEW, "opened"));
        return entries;
    }

    @Test
    void anUntouchedChainVerifies() {
        List<HistoryEntry> entries = chain();
        assertEquals(HashChain.GENESIS, entries.get(0).previousHash);
        assertEquals(entries.get(0).hash, entries.get(1).previousHash);
        assertNull(HistoryChain.verify(entries));
    }

    @Test
    void changingAPastReasonBreaksTheChainAtThatEntry() {
        List<HistoryEntry> entries = chain();
        entries.get(1).reason = "rewritten";
        HashChain.Break broken = HistoryChain.verify(entries);
        assertNotNull(broken);
        assertEquals(2, broken.seq());
    }

    @Test
    void deletingAnEntryIsDetected() {
        List<HistoryEntry> entries = chain();
        entries.remove(1);
        assertEquals(3, HistoryChain.verify(entries).seq());
    }

    @Test
    void deletingTheNewestEntriesIsATruncationAgainstThePublishedHead() {
        List<HistoryEntry> entries = chain();
        String head = entries.get(2).hash;
        assertNull(HistoryChain.verify(entries, head, 3));
        List<HistoryEntry> truncated = entries.subList(0, 2);
        assertNull(HistoryChain.verify(truncated), "what is left is a consistent chain on its own");
        HashChain.Break broken = HistoryChain.verify(truncated, head, 3);
        assertEquals(3, broken.seq());
        org.junit.jupiter.api.Assertions.assertTrue(broken.problem().contains("entries were deleted"), broken.problem());
    }
}
