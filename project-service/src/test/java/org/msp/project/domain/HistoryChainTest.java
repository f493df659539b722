package org.msp.project.domain;

import org.junit.jupiter.api.Test;

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
        entries.add(HistoryChain.append(null, project, t, "alice", "POST /projects", null, ProjectStatus.DRAFT, "draft"));
        entries.add(HistoryChain.append(entries.get(0), project, t.plusMinutes(1), "alice", "POST submit",
                ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, "submitted"));
        entries.add(HistoryChain.append(entries.get(1), project, t.plusMinutes(2), "event:/msp/esg-review-service",
                "event 1", ProjectStatus.SUBMITTED, ProjectStatus.ESG_REVIEW, "opened"));
        return entries;
    }

    @Test
    void anUntouchedChainVerifies() {
        List<HistoryEntry> entries = chain();
        assertEquals(HistoryChain.GENESIS, entries.get(0).previousHash);
        assertEquals(entries.get(0).hash, entries.get(1).previousHash);
        assertNull(HistoryChain.verify(entries));
    }

    @Test
    void changingAPastReasonBreaksTheChainAtThatEntry() {
        List<HistoryEntry> entries = chain();
        entries.get(1).reason = "rewritten";
        HistoryChain.Break broken = HistoryChain.verify(entries);
        assertNotNull(broken);
        assertEquals(2, broken.seq());
    }

    @Test
    void deletingAnEntryIsDetected() {
        List<HistoryEntry> entries = chain();
        entries.remove(1);
        assertEquals(3, HistoryChain.verify(entries).seq());
    }
}
