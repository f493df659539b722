package org.msp.partner.api;

import org.msp.partner.domain.Instrument;
import org.msp.partner.domain.SupportAction;
import org.msp.partner.domain.SupportRecord;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One change of support for a project, oldest first, with its actor and the event it published. A
 * commitment or disbursement names its commitment and amounts; an override its conditions and reason.
 */
public record SupportHistoryView(String partner, SupportAction action, Instrument instrument,
        BigDecimal indicativeAmountUsd, String note, String actor, OffsetDateTime at, String eventId,
        UUID partnershipId, UUID commitmentId, BigDecimal amount, String currency, BigDecimal amountUsd,
        List<String> overriddenConditions, String overrideReason) {
    static SupportHistoryView of(SupportRecord record) {
        List<String> overridden = record.overriddenConditions == null ? List.of()
                : Arrays.asList(record.overriddenConditions.split(","));
        return new SupportHistoryView(record.partner, record.action, record.instrument, record.indicativeAmountUsd,
                record.note, record.actor, record.at, record.eventId, record.partnershipId, record.commitmentId,
                record.amount, record.currency, record.amountUsd, overridden, record.overrideReason);
    }
}
