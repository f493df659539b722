package org.msp.esg.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A versioned checklist. Versions of one {@code key} follow each other; reviews open on the latest
 * version of the configured key. Once a review uses a template it is frozen ({@code usedAt} set):
 * a change then needs a new version, so every completed review keeps the exact checklist it was
 * rated against.
 */
@Entity
@Table(name = "checklist_template")
public class ChecklistTemplate extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "template_key")
    public String key;
    public int version;
    public String name;
    public String description;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    /** When the first review opened on this template; from then on it never changes. */
    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ChecklistItem> items = new ArrayList<>();

    /** A new template: version 1 of a new key, or the next version of an existing one. */
    public static ChecklistTemplate create(String key, String name, String description, String createdBy,
            OffsetDateTime now) {
        ChecklistTemplate template = new ChecklistTemplate();
        template.id = UUID.randomUUID();
        template.key = key;
        template.version = latest(key).map(t -> t.version + 1).orElse(1);
        template.name = name;
        template.description = description;
        template.createdBy = createdBy;
        template.createdAt = now;
        return template;
    }

    public static Optional<ChecklistTemplate> latest(String key) {
        return find("key = ?1 order by version desc", key).firstResultOptional();
    }

    public boolean isFrozen() {
        return usedAt != null;
    }

    /** Replaces the items; refused once a review used the template. */
    public void replaceItems(List<ChecklistItem> newItems) {
        requireEditable();
        items.clear();
        addItems(newItems);
    }

    public void addItems(List<ChecklistItem> newItems) {
        int position = 1;
        for (ChecklistItem item : newItems) {
            item.template = this;
            item.position = position++;
            items.add(item);
        }
    }

    public void requireEditable() {
        if (isFrozen()) {
            throw new ReviewRuleException(ReviewRuleException.Kind.CONFLICT, "checklist template " + key + " v" + version
                    + " is used by a review since " + usedAt + " and can no longer change; create a new version instead");
        }
    }

    /** Marks the template as used by a review (first use only). */
    public void markUsed(OffsetDateTime now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public int totalWeight() {
        return items.stream().mapToInt(item -> item.weight).sum();
    }
}
