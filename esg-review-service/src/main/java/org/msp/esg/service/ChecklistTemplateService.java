package org.msp.esg.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.msp.esg.domain.ChecklistItem;
import org.msp.esg.domain.ChecklistTemplate;
import org.msp.platform.api.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Publishing checklist templates: new versions, and edits of a version no review has used yet. */
@ApplicationScoped
public class ChecklistTemplateService {
    private final EntityManager entityManager;

    public ChecklistTemplateService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The content of a template version as the secretariat writes it. */
    public record Draft(String key, String name, String description, List<ChecklistItem> items) {
    }

    /** Creates version 1 of a new key, or the next version of an existing key. */
    @Transactional
    public ChecklistTemplate create(Draft draft, String actor) {
        // serialises concurrent publications of one key so that versions stay gapless and unique
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "checklist-template:" + draft.key()).getSingleResult();
        ChecklistTemplate template = ChecklistTemplate.create(draft.key(), draft.name(), draft.description(), actor,
                OffsetDateTime.now(ZoneOffset.UTC));
        template.addItems(draft.items());
        template.persist();
        return template;
    }

    /** Changes a version that no review has used yet (409 once used). */
    @Transactional
    public ChecklistTemplate update(UUID id, Draft draft) {
        ChecklistTemplate template = ChecklistTemplate.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (template == null) {
            throw ProblemException.notFound("checklist template " + id);
        }
        template.requireEditable();
        if (!template.key.equals(draft.key())) {
            throw ProblemException.badRequest("key", "a template's key cannot change (it is " + template.key
                    + "); create a template under the new key instead");
        }
        template.name = draft.name();
        template.description = draft.description();
        template.replaceItems(List.of());
        // the old rows must be gone before rows with the same codes are inserted (unique per template)
        entityManager.flush();
        template.addItems(draft.items());
        return template;
    }
}
