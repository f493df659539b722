package org.msp.partner.api;

import org.msp.partner.domain.Instrument;
import org.msp.partner.domain.SupportAction;
import org.msp.partner.domain.SupportRecord;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One change of support for a project, oldest first, with its actor and the event it published. */
public record SupportHistoryView(String partner, SupportAction action, Instrument instrument,
        BigDecimal indicativeAmountUsd, String note, String actor, OffsetDateTime at, String eventId) {
    static SupportHistoryView of(SupportRecord record) {
        return new SupportHistoryView(record.partner, record.action, record.instrument, record.indicativeAmountUsd,
                record.note, record.actor, record.at, record.eventId);
    }
}
