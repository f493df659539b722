package org.msp.esg.domain;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A published project document a reviewer cites for a rating, with the SHA-256 it was read with. */
public record EvidenceDocument(UUID documentId, String sha256) {

    /** Stored one per line as {@code <documentId> <sha256>} (review_item.evidence_documents). */
    static String column(List<EvidenceDocument> documents) {
        if (documents == null || documents.isEmpty()) {
            return null;
        }
        return String.join("\n", documents.stream().map(d -> d.documentId() + " " + d.sha256()).toList());
    }

    static List<EvidenceDocument> fromColumn(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split("\n")).map(line -> line.split(" ", 2))
                .map(parts -> new EvidenceDocument(UUID.fromString(parts[0]), parts[1])).toList();
    }
}
