package org.msp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.msp.notification.domain.DelimitedSet;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.domain.TimelineEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the public timeline with the same filters subscriptions use, by position (see
 * {@link TimelinePositions}): only numbered entries are served, so every page is final.
 */
@ApplicationScoped
public class TimelineQuery {
    private final EntityManager em;

    public TimelineQuery(EntityManager em) {
        this.em = em;
    }

    /** Up to {@code limit} entries after position {@code after}, oldest first. */
    @Transactional
    public List<TimelineEntry> after(SubscriptionFilter filter, long after, int limit) {
        return select(filter, "t.position > :after", Map.of("after", after), "asc", limit);
    }

    /** Up to {@code limit} entries before position {@code before} (null: the newest), newest first. */
    @Transactional
    public List<TimelineEntry> before(SubscriptionFilter filter, Long before, int limit) {
        return before == null
                ? select(filter, null, Map.of(), "desc", limit)
                : select(filter, "t.position < :before", Map.of("before", before), "desc", limit);
    }

    /** How many entries match {@code filter}: the last ordinal of its own numbering 1, 2, 3, ... */
    @Transactional
    public long count(SubscriptionFilter filter) {
        if (filter.equals(SubscriptionFilter.EVERYTHING)) {
            return lastPosition(); // positions are gapless: the last one is the count
        }
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(t) from TimelineEntry t where "
                + where(filter, null, params), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * The entries matching {@code filter} whose ordinal among them is {@code offset + 1} to
     * {@code offset + limit}, oldest first. Ordinals never change: entries are only ever appended.
     */
    @Transactional
    public List<TimelineEntry> byOrdinal(SubscriptionFilter filter, long offset, int limit) {
        if (filter.equals(SubscriptionFilter.EVERYTHING)) {
            return select(filter, "t.position > :from and t.position <= :to",
                    Map.of("from", offset, "to", offset + limit), "asc", limit);
        }
        Map<String, Object> params = new HashMap<>();
        TypedQuery<TimelineEntry> query = em.createQuery("select t from TimelineEntry t where "
                + where(filter, null, params) + " order by t.position asc", TimelineEntry.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList();
    }

    /** The highest position given so far (0 before the first entry). */
    @Transactional
    public long lastPosition() {
        Long max = em.createQuery("select max(t.position) from TimelineEntry t", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    private List<TimelineEntry> select(SubscriptionFilter filter, String condition, Map<String, Object> bounds,
            String direction, int limit) {
        Map<String, Object> params = new HashMap<>(bounds);
        String where = where(filter, condition, params);
        TypedQuery<TimelineEntry> query = em.createQuery("select t from TimelineEntry t where " + where
                + " order by t.position " + direction, TimelineEntry.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    private static String where(SubscriptionFilter filter, String condition, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        where.add("t.position is not null");
        if (condition != null) {
            where.add(condition);
        }
        if (!filter.projectIds().isEmpty()) {
            where.add("t.projectId in :projectIds");
            params.put("projectIds", filter.projectIds());
        }
        anyOf("t.countriesColumn", "country", filter.countries(), where, params);
        anyOf("t.mineralsColumn", "mineral", filter.minerals(), where, params);
        if (!filter.eventTypes().isEmpty()) {
            where.add("t.eventType in :eventTypes");
            params.put("eventTypes", filter.eventTypes());
        }
        return String.join(" and ", where);
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
