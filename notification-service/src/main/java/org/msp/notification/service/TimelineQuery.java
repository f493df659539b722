package org.msp.notification.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.msp.notification.domain.DelimitedSet;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.domain.TimelineEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the public timeline with the same filters subscriptions use. */
@ApplicationScoped
public class TimelineQuery {

    /** The newest {@code limit} entries matching {@code filter}, newest first. */
    @Transactional
    public List<TimelineEntry> newest(SubscriptionFilter filter, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!filter.projectIds().isEmpty()) {
            where.add("projectId in :projectIds");
            params.put("projectIds", filter.projectIds());
        }
        anyOf("countriesColumn", "country", filter.countries(), where, params);
        anyOf("mineralsColumn", "mineral", filter.minerals(), where, params);
        if (!filter.eventTypes().isEmpty()) {
            where.add("eventType in :eventTypes");
            params.put("eventTypes", filter.eventTypes());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return TimelineEntry.<TimelineEntry>find(query, Sort.by("seq").descending(), params)
                .page(Page.ofSize(limit)).list();
    }

    /** Entries recorded after {@code seq}, oldest first (what the live stream has not sent yet). */
    @Transactional
    public List<TimelineEntry> after(long seq, int limit) {
        return TimelineEntry.<TimelineEntry>find("seq > ?1", Sort.by("seq"), seq).page(Page.ofSize(limit)).list();
    }

    /** Like {@link #afterOrAmong} but only the sequence numbers: where the timeline stands, not what it says. */
    @Transactional
    public List<Long> seqsAfterOrAmong(long seq, Set<Long> missing, int limit) {
        String where = missing.isEmpty() ? "t.seq > :seq" : "(t.seq > :seq or t.seq in :missing)";
        var query = TimelineEntry.getEntityManager()
                .createQuery("select t.seq from TimelineEntry t where " + where + " order by t.seq", Long.class)
                .setParameter("seq", seq).setMaxResults(limit);
        if (!missing.isEmpty()) {
            query.setParameter("missing", missing);
        }
        return query.getResultList();
    }

    /**
     * Entries after {@code seq} plus those among {@code missing} (lower numbers whose transactions had
     * not committed when a higher one was read), oldest first.
     */
    @Transactional
    public List<TimelineEntry> afterOrAmong(long seq, Set<Long> missing, int limit) {
        if (missing.isEmpty()) {
            return after(seq, limit);
        }
        return TimelineEntry.<TimelineEntry>find("seq > ?1 or seq in ?2", Sort.by("seq"), seq, missing)
                .page(Page.ofSize(limit)).list();
    }

    @Transactional
    public long lastSeq() {
        Long max = TimelineEntry.getEntityManager().createQuery("select max(t.seq) from TimelineEntry t", Long.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    private static void anyOf(String column, String name, Set<String> values, List<String> where,
            Map<String, Object> params) {
        if (values.isEmpty()) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        int i = 0;
        for (String value : values) {
            alternatives.add(column + " like :" + name + i);
            params.put(name + i, DelimitedSet.containing(value));
            i++;
        }
        where.add("(" + String.join(" or ", alternatives) + ")");
    }
}
