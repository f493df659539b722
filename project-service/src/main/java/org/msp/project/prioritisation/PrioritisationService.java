package org.msp.project.prioritisation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.msp.platform.api.ProblemException;
import org.msp.project.domain.PartnerInterest;
import org.msp.project.domain.ProjectStatus;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.StandingEndorsement;
import org.msp.events.project.ScoreBreakdown;
import org.msp.events.project.ScoreComponent;
import org.msp.project.service.ProposalService;

import org.msp.events.project.DocumentType;
import org.msp.project.documents.ProjectDocument;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The live ranking, and prioritisation rounds that freeze it for the projects they cover. */
@ApplicationScoped
public class PrioritisationService {
    private final ProposalService proposals;
    private final PriorityCalculator calculator;
    private final ObjectMapper mapper;

    public PrioritisationService(ProposalService proposals, PrioritisationSettings settings, ObjectMapper mapper) {
        this.proposals = proposals;
        this.calculator = new PriorityCalculator(settings, proposals.quorum());
        this.mapper = mapper;
    }

    /** One row of a ranking. */
    public record RankedProject(int rank, UUID projectId, String title, String hostCountry, ProjectStatus status,
            UUID roundId, BigDecimal score, List<PriorityScore.Component> breakdown) {
    }

    public record Ranking(Map<String, Double> weights, int quorum, String productionShareSource,
            List<RankedProject> ranking) {
    }

    public record Round(UUID id, OffsetDateTime runAt, String runBy, Map<String, Double> weights,
            List<RankedProject> ranking) {
    }

    /** One line of the list of rounds: when, by whom, how many projects it ranked. */
    public record RoundSummary(UUID id, OffsetDateTime runAt, String runBy, int projects) {
    }

    /** Every round run so far, newest first. */
    @Transactional
    public List<RoundSummary> rounds() {
        return PrioritisationRound.<PrioritisationRound>list("order by runAt desc").stream().map(round -> {
            try {
                return new RoundSummary(round.id, round.runAt, round.runBy, mapper.readTree(round.ranking).size());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("round " + round.id + " holds a ranking that is not JSON", e);
            }
        }).toList();
    }

    /**
     * ENDORSED projects scored now, and PRIORITISED ones with the score their round froze, in one
     * order: by score, then earlier submission.
     */
    @Transactional
    public Ranking current() {
        List<Proposal> endorsed = Proposal.list("status", ProjectStatus.ENDORSED);
        List<RankedProject> rows = new ArrayList<>();
        for (PriorityScore score : calculator.rank(endorsed.stream().map(this::inputsOf).toList())) {
            Proposal p = endorsed.stream().filter(e -> e.id().equals(score.projectId())).findFirst().orElseThrow();
            rows.add(new RankedProject(0, p.id(), p.title(), p.hostCountry(), p.status(), null, score.score(), score.breakdown()));
        }
        List<Proposal> prioritised = Proposal.list("status", ProjectStatus.PRIORITISED);
        for (Proposal p : prioritised) {
            rows.add(new RankedProject(0, p.id(), p.title(), p.hostCountry(), p.status(), p.prioritisationRoundId(),
                    p.priorityScore(), frozenBreakdown(p)));
        }
        Map<UUID, OffsetDateTime> submitted = new java.util.HashMap<>();
        endorsed.forEach(p -> submitted.put(p.id(), p.submittedAt()));
        prioritised.forEach(p -> submitted.put(p.id(), p.submittedAt()));
        List<RankedProject> ordered = rows.stream()
                .sorted(Comparator.comparing(RankedProject::score).reversed()
                        .thenComparing(r -> submitted.get(r.projectId()))
                        .thenComparing(RankedProject::projectId))
                .toList();
        List<RankedProject> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            RankedProject r = ordered.get(i);
            ranked.add(new RankedProject(i + 1, r.projectId(), r.title(), r.hostCountry(), r.status(), r.roundId(),
                    r.score(), r.breakdown()));
        }
        return new Ranking(calculator.weights(), proposals.quorum(), ProductionShares.SOURCE, ranked);
    }

    /**
     * Freezes a round over every ENDORSED project: each becomes PRIORITISED with its rank, score and
     * breakdown, and a prioritised event is published for it, all in one transaction.
     */
    @Transactional
    public Round runRound(ProposalService.Actor actor) {
        List<Proposal> endorsed = Proposal.find("status", ProjectStatus.ENDORSED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (endorsed.isEmpty()) {
            throw ProblemException.conflict("no ENDORSED project to prioritise");
        }
        Map<UUID, Proposal> byId = endorsed.stream().collect(Collectors.toMap(p -> p.id(), Function.identity()));
        List<PriorityScore> scores = calculator.rank(endorsed.stream().map(this::inputsOf).toList());
        UUID roundId = UUID.randomUUID();
        OffsetDateTime now = proposals.now();
        List<RankedProject> ranking = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            PriorityScore score = scores.get(i);
            Proposal p = byId.get(score.projectId());
            ScoreBreakdown breakdown = new ScoreBreakdown(score.breakdown().stream().map(c ->
                    new ScoreComponent(c.name(), c.value(), c.weight(), c.points(), c.explanation())).toList());
            proposals.record(p, p.prioritise(roundId, i + 1, scores.size(), score.score(), breakdown,
                    json(breakdown), now), actor);
            ranking.add(new RankedProject(i + 1, p.id(), p.title(), p.hostCountry(), p.status(), roundId, score.score(),
                    score.breakdown()));
        }
        Round round = new Round(roundId, now, actor.id(), calculator.weights(), ranking);
        PrioritisationRound.save(round, mapper);
        return round;
    }

    private PriorityInputs inputsOf(Proposal p) {
        return new PriorityInputs(p.id(), p.title(), p.hostCountry(), p.minerals(), p.valueChainStage(), evidenceOf(p),
                p.esgScore(), StandingEndorsement.countExcluding(p.id(), p.submittingPartner()),
                PartnerInterest.totalFor(p.id()), p.requestedFinancingUsd(), p.submittedAt(), p.hostConsent());
    }

    /** Which declared disclosures a document or a closed consultation backs. */
    private static DisclosureEvidence evidenceOf(Proposal p) {
        return new DisclosureEvidence(p.disclosure(),
                ProjectDocument.currentOf(p.id(), List.of(DocumentType.feasibilityStudy)).map(PrioritisationService::cited).orElse(null),
                ProjectDocument.currentOf(p.id(), List.of(DocumentType.contractSigned, DocumentType.financialAgreement))
                        .map(PrioritisationService::cited).orElse(null),
                p.consultationClosedAt() != null);
    }

    private static String cited(ProjectDocument document) {
        return "\u201c" + document.title + "\u201d (sha256 " + document.sha256.substring(0, 12) + "\u2026)";
    }

    private String json(ScoreBreakdown breakdown) {
        try {
            return mapper.writeValueAsString(breakdown);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PriorityScore.Component> frozenBreakdown(Proposal p) {
        try {
            var node = mapper.readTree(p.priorityBreakdown()).get("components");
            return List.of(mapper.treeToValue(node, PriorityScore.Component[].class));
        } catch (Exception e) {
            return List.of();
        }
    }
}
