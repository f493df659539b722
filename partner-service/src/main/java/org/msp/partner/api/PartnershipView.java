package org.msp.partner.api;

import org.msp.events.partner.DisclosureLevel;
import org.msp.events.partner.PartnershipKind;
import org.msp.partner.domain.Milestone;
import org.msp.partner.domain.MilestoneStatus;
import org.msp.partner.domain.Partner;
import org.msp.partner.domain.PartnerKind;
import org.msp.partner.domain.Partnership;
import org.msp.partner.domain.PartnershipAction;
import org.msp.partner.domain.PartnershipChain;
import org.msp.partner.domain.PartnershipHistoryEntry;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.ProjectStatus;
import org.msp.platform.history.HashChain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A partnership as the public sees it: what it says, its milestones, linked projects and history. */
public record PartnershipView(UUID id, String name, PartnershipKind kind, List<Party> parties, LocalDate signedOn,
        String announced, Integer year, String signingPlace, Source source, String objectives,
        DisclosureLevel disclosureLevel, String disclosureBasis, int version, List<MilestoneView> milestones,
        List<LinkedProject> linkedProjects, List<HistoryView> history, ChainCheck chain) {

    /** A party, and whether (and as what) the partner registry lists it. */
    public record Party(String code, String name, boolean inRegistry, PartnerKind registryKind) {
        static Party of(String code, Map<String, Partner> registry) {
            Partner partner = registry.get(code);
            if (partner != null) {
                return new Party(code, partner.name, true, partner.kind);
            }
            // outside the registry (e.g. India): the country's English name, so the page still says who it is
            String name = "EU".equals(code) ? "European Union" : new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            return new Party(code, name, false, null);
        }

        static List<Party> of(List<String> codes, Map<String, Partner> registry) {
            return codes.stream().map(code -> of(code, registry)).toList();
        }
    }

    public record Source(String reference, String url, LocalDate publishedOn) {
    }

    public record MilestoneView(UUID id, String title, LocalDate dueOn, MilestoneStatus status, LocalDate metOn,
            String evidenceUrl, boolean metOnTime, boolean overdue) {
        static MilestoneView of(Milestone m, LocalDate today) {
            return new MilestoneView(m.id, m.title, m.dueOn, m.status, m.metOn, m.evidenceUrl, m.metOnTime(),
                    m.overdue(today));
        }
    }

    /** A project proposed under the partnership, as partner-service knows it from project events. */
    public record LinkedProject(UUID id, String title, ProjectStatus status, String hostCountry,
            String submittingPartner) {
        static LinkedProject of(Project p) {
            return new LinkedProject(p.id, p.title, p.status(), p.hostCountry, p.submittingPartner);
        }
    }

    public record HistoryView(int seq, OffsetDateTime at, String actor, String cause, PartnershipAction action,
            String previousHash, String hash) {
        static HistoryView of(PartnershipHistoryEntry e) {
            return new HistoryView(e.seq, e.at, e.actor, e.cause, e.action, e.previousHash, e.hash);
        }
    }

    /** Whether the history chain is intact, and where it breaks if not (like a project's history check). */
    public record ChainCheck(boolean intact, int entries, String headHash, Integer brokenAtSeq, String problem) {
        static ChainCheck of(List<PartnershipHistoryEntry> entries, String head, HashChain.Break broken) {
            return broken == null ? new ChainCheck(true, entries.size(), head, null, null)
                    : new ChainCheck(false, entries.size(), head, broken.seq(), broken.problem());
        }
    }

    /** A partnership in the list: what it is, who is in it, and how much of it is public. */
    public record Summary(UUID id, String name, PartnershipKind kind, List<Party> parties, LocalDate signedOn,
            String announced, Integer year, DisclosureLevel disclosureLevel, int milestones, int linkedProjects) {
    }

    static Summary summary(Partnership p, Map<String, Partner> registry, int milestones, int linkedProjects) {
        return new Summary(p.id, p.name, p.kind, Party.of(p.parties, registry), p.signedOn, p.announced, p.year(),
                p.disclosureLevel, milestones, linkedProjects);
    }

    static PartnershipView of(Partnership p, Map<String, Partner> registry, List<Milestone> milestones,
            List<Project> linked, List<PartnershipHistoryEntry> history, HashChain.Break broken,
            LocalDate today) {
        return new PartnershipView(p.id, p.name, p.kind, Party.of(p.parties, registry), p.signedOn, p.announced,
                p.year(), p.signingPlace, new Source(p.sourceReference, p.sourceUrl, p.sourcePublishedOn), p.objectives,
                p.disclosureLevel, p.disclosureBasis, p.version(),
                milestones.stream().map(m -> MilestoneView.of(m, today)).toList(),
                linked.stream().map(LinkedProject::of).toList(),
                history.stream().map(HistoryView::of).toList(),
                ChainCheck.of(history, p.historyHead(), broken));
    }
}
