package org.msp.partner.api;

import org.msp.partner.domain.Instrument;
import org.msp.partner.domain.SupportAction;
import org.msp.partner.domain.SupportRecord;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of support for a project, oldest first, with its actor and the event it published. */
public record SupportHistoryView(String partner, SupportAction action, Instrument instrument,
        BigDecimal indicativeAmountUsd, String note, String actor, OffsetDateTime at, String eventId,
        UUID partnershipId) {
    static SupportHistoryView of(SupportRecord record) {
        return new SupportHistoryView(record.partner, record.action, record.instrument, record.indicativeAmountUsd,
                record.note, record.actor, record.at, record.eventId, record.partnershipId);
    }
}
