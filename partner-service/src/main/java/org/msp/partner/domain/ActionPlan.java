package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.msp.events.project.ActionItem;
import org.msp.events.project.ActionItemStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A project's action plan (the conditions of its review) as project-service last published it. Each
 * {@code action-plan-updated} event carries the whole plan, so the copy is replaced, never patched; a
 * disbursement is judged against it.
 */
@Entity
@Table(name = "action_plan")
public class ActionPlan extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;
    /** Time of the event the copy was taken from: an older one never replaces it. */
    @Column(name = "as_of")
    OffsetDateTime asOf;
    @Column(name = "last_event_id")
    String lastEventId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "action_plan_item", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    List<Item> items = new ArrayList<>();

    /** One condition of the plan, as far as a disbursement needs it. */
    @Embeddable
    public static class Item {
        public String code;
        public String title;
        public boolean critical;
        @Enumerated(EnumType.STRING)
        public ActionItemStatus status;
        @Column(name = "due_date")
        public LocalDate dueDate;
        @Column(name = "responsible_party")
        public String responsibleParty;
        @Column(name = "verified_by")
        public String verifiedBy;

        static Item of(ActionItem item) {
            Item copy = new Item();
            copy.code = item.code();
            copy.title = item.title();
            copy.critical = item.critical();
            copy.status = item.status();
            copy.dueDate = item.dueDate();
            copy.responsibleParty = item.responsibleParty();
            copy.verifiedBy = item.verifiedBy();
            return copy;
        }

        /** Whether a disbursement tied to this condition must be held back (or the hold overridden). */
        public boolean blocksDisbursement() {
            return critical && status.unmet();
        }
    }

    /**
     * Takes {@code items} as the plan if the event ({@code at}) is not older than the copy held; returns
     * why not otherwise (null when taken). An event without a time counts as arriving {@code now}.
     */
    public String replace(List<ActionItem> items, OffsetDateTime at, String eventId, OffsetDateTime now) {
        if (asOf != null && at != null && at.isBefore(asOf)) {
            return "action plan of " + at + " is older than the copy of " + asOf;
        }
        this.items.clear();
        items.stream().map(Item::of).forEach(this.items::add);
        asOf = at != null ? at : now;
        lastEventId = eventId;
        return null;
    }

    /** A project's first plan, before {@link #replace} fills it in. */
    public static ActionPlan first(UUID projectId) {
        ActionPlan plan = new ActionPlan();
        plan.projectId = projectId;
        return plan;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    /** The project's plan; empty (no conditions) while no event has drawn one up. */
    public static List<Item> of(UUID projectId) {
        ActionPlan plan = findById(projectId);
        return plan == null ? List.of() : plan.items();
    }
}
