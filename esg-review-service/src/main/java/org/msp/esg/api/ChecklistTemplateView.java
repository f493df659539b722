package org.msp.esg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.msp.esg.domain.ChecklistItem;
import org.msp.esg.domain.ChecklistTemplate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A checklist template; {@code items} is left out of the list view. {@code frozen}: a review used it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChecklistTemplateView(UUID id, String key, int version, String name, String description,
        OffsetDateTime createdAt, String createdBy, boolean frozen, OffsetDateTime usedAt, int itemCount,
        int totalWeight, List<ItemView> items) {

    public record ItemView(String code, String title, String guidance, String framework, int weight,
            boolean critical) {
        static ItemView of(ChecklistItem item) {
            return new ItemView(item.code, item.title, item.guidance, item.framework, item.weight, item.critical);
        }
    }

    static ChecklistTemplateView of(ChecklistTemplate template, boolean withItems) {
        return new ChecklistTemplateView(template.id, template.key, template.version, template.name,
                template.description, template.createdAt, template.createdBy, template.isFrozen(), template.usedAt,
                template.items.size(), template.totalWeight(),
                withItems ? template.items.stream().map(ItemView::of).toList() : null);
    }
}
