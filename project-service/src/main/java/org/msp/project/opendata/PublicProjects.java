package org.msp.project.opendata;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.msp.project.documents.ProjectDocument;
import org.msp.project.domain.ActionPlanItem;
import org.msp.project.domain.FinancingCommitment;
import org.msp.project.domain.PartnerInterest;
import org.msp.project.domain.ProjectStatus;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.StandingEndorsement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Every public project (all but drafts) with what the exports say about it, read a page at a time in
 * id order, each page in a short transaction of its own with its children in one query per table: an
 * export of any size holds one page in memory, never the whole platform, and no transaction stays
 * open while a slow client reads.
 */
@ApplicationScoped
public class PublicProjects {
    static final int PAGE = 500;

    private final EntityManager entities;

    public PublicProjects(EntityManager entities) {
        this.entities = entities;
    }

    /** A public project and what hangs off it. */
    public record Project(Proposal proposal, List<ProjectDocument> documents, List<ActionPlanItem> actionPlan,
            List<PartnerInterest> interests, List<StandingEndorsement> endorsements,
            List<FinancingCommitment> commitments) {
    }

    /**
     * What an export's ETag is made of. A project changes in two ways: by a command, which always writes a
     * history entry (the chain's rule), or by another service's event (an interest, an endorsement), which
     * the inbox records as applied. The newest of each moves whenever anything an export shows could have.
     */
    public record Version(long projects, long lastHistoryEntry, long appliedEvents, OffsetDateTime lastChange) {
        public jakarta.ws.rs.core.EntityTag etag(String export) {
            return new jakarta.ws.rs.core.EntityTag(export + "-" + projects + "-" + lastHistoryEntry + "-" + appliedEvents);
        }
    }

    /**
     * The version of the data, and when it last changed: exports say that moment (not "now") as their
     * publication date, so the same data always gives the same bytes, and a hash published for a file
     * holds until something changes.
     */
    public Version version() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long projects = entities.createQuery("select count(p) from Proposal p where p.status <> :draft", Long.class)
                    .setParameter("draft", ProjectStatus.DRAFT).getSingleResult();
            Long last = entities.createQuery("select max(h.id) from HistoryEntry h", Long.class).getSingleResult();
            OffsetDateTime at = last == null ? null
                    : entities.createQuery("select h.at from HistoryEntry h where h.id = :id", OffsetDateTime.class)
                            .setParameter("id", last).getSingleResult();
            Object[] inbox = (Object[]) entities.createNativeQuery(
                    "SELECT count(*), max(received_at) FROM inbox_message WHERE outcome = 'APPLIED'").getSingleResult();
            OffsetDateTime received = inbox[1] == null ? null : ((java.time.Instant) inbox[1]).atOffset(java.time.ZoneOffset.UTC);
            if (at == null || (received != null && received.isAfter(at))) {
                at = received;
            }
            return new Version(projects, last == null ? 0 : last, ((Number) inbox[0]).longValue(),
                    at == null ? OffsetDateTime.parse("2026-01-01T00:00:00Z") : at);
        });
    }

    /** Hands every public project to {@code each}, in id order, a page at a time. */
    public void forEach(Consumer<Project> each) {
        forEachPage(page -> page.forEach(each));
    }

    /** Hands every page of public projects (in id order) to {@code each}. */
    public void forEachPage(Consumer<List<Project>> each) {
        UUID after = null;
        while (true) {
            UUID from = after;
            List<Project> page = QuarkusTransaction.requiringNew().call(() -> page(from, null));
            if (!page.isEmpty()) {
                each.accept(page);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).proposal().id();
        }
    }

    /** One public project, or null. */
    public Project one(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> page(null, id)).stream().findFirst().orElse(null);
    }

    private List<Project> page(UUID after, UUID only) {
        String where = "p.status <> :draft" + (after == null ? "" : " and p.id > :after")
                + (only == null ? "" : " and p.id = :only");
        var query = entities.createQuery("select p from Proposal p where " + where + " order by p.id", Proposal.class)
                .setParameter("draft", ProjectStatus.DRAFT).setMaxResults(PAGE);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (only != null) {
            query.setParameter("only", only);
        }
        List<Proposal> proposals = query.getResultList();
        if (proposals.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = proposals.stream().map(Proposal::id).toList();
        Map<UUID, List<ProjectDocument>> documents = byProject(ProjectDocument.<ProjectDocument>list(
                "projectId in ?1 order by publishedAt", ids), d -> d.projectId);
        Map<UUID, List<ActionPlanItem>> plans = byProject(ActionPlanItem.<ActionPlanItem>list(
                "projectId in ?1 order by position", ids), i -> i.projectId);
        Map<UUID, List<PartnerInterest>> interests = byProject(PartnerInterest.<PartnerInterest>list(
                "projectId in ?1 order by partner", ids), i -> i.projectId);
        Map<UUID, List<StandingEndorsement>> endorsements = byProject(StandingEndorsement.<StandingEndorsement>list(
                "projectId in ?1 order by partner", ids), e -> e.projectId);
        Map<UUID, List<FinancingCommitment>> commitments = byProject(FinancingCommitment.<FinancingCommitment>list(
                "projectId in ?1 order by recordedAt, commitmentId", ids), c -> c.projectId);
        return proposals.stream().map(p -> new Project(p, documents.getOrDefault(p.id(), List.of()),
                plans.getOrDefault(p.id(), List.of()), interests.getOrDefault(p.id(), List.of()),
                endorsements.getOrDefault(p.id(), List.of()), commitments.getOrDefault(p.id(), List.of()))).toList();
    }

    private static <T> Map<UUID, List<T>> byProject(List<T> rows, java.util.function.Function<T, UUID> project) {
        return rows.stream().collect(Collectors.groupingBy(project));
    }
}
