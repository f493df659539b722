package org.msp.project.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.msp.project.documents.ProjectDocument;
import org.msp.project.domain.ActionPlanItem;
import org.msp.project.domain.FinancingCommitment;
import org.msp.project.domain.HistoryEntry;
import org.msp.project.domain.PartnerInterest;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.StandingEndorsement;
import org.msp.project.prioritisation.PrioritisationRound;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One CSV file per entity, for spreadsheets and bulk analysis (SPEC §10). The columns are a published
 * contract (a test holds them to a golden file): new ones may be added at the end, none renamed or
 * dropped. Each file streams its rows a page of projects at a time, like the other exports.
 */
@ApplicationScoped
public class CsvExports {
    /** A column and its Frictionless Table Schema type. */
    public record Column(String name, String type) {
    }

    /** A CSV resource: its file name (without .csv), what a row is, and its columns. */
    public record Resource(String name, String description, List<Column> columns) {
        public List<String> header() {
            return columns.stream().map(Column::name).toList();
        }
    }

    public static final List<Resource> RESOURCES = List.of(
            new Resource("projects", "Every public project, one row each", columns(
                    "project_id:string", "oc4ids_id:string", "title:string", "status:string", "host_country:string",
                    "submitting_partner:string", "minerals:string", "value_chain_stage:string", "sponsor:string",
                    "requested_financing_usd:number", "submitted_at:datetime", "updated_at:datetime",
                    "esg_outcome:string", "esg_score:number", "priority_rank:integer", "priority_score:number",
                    "partnership_id:string", "partnership_name:string", "host_consent:string",
                    "history_head:string")),
            new Resource("conditions", "The conditions of each completed review, as the project's action plan",
                    columns("project_id:string", "code:string", "title:string", "critical:boolean",
                            "responsible_party:string", "due_date:date", "status:string", "evidence_document_id:string",
                            "verified_by:string", "verified_at:datetime")),
            new Resource("interests", "Partners' indicative financing interest", columns("project_id:string",
                    "partner:string", "instrument:string", "indicative_amount_usd:number")),
            new Resource("commitments", "Partners' financing commitments, in the agreement's currency and in USD",
                    columns("commitment_id:string", "project_id:string", "partner:string", "instrument:string",
                            "amount:number", "currency:string", "amount_usd:number", "usd_rate_date:date",
                            "agreement_document_id:string", "recorded_at:datetime")),
            new Resource("endorsements", "Standing endorsements", columns("project_id:string", "partner:string",
                    "since:datetime", "counts_toward_quorum:boolean")),
            new Resource("rounds", "Prioritisation rounds", columns("round_id:string", "run_at:datetime",
                    "run_by:string", "projects:integer")),
            new Resource("ranking", "Each round's ranking, one row per ranked project", columns("round_id:string",
                    "rank:integer", "project_id:string", "title:string", "score:number")),
            new Resource("history", "Every entry of every public project's hash-chained history", columns(
                    "project_id:string", "seq:integer", "at:datetime", "actor:string", "cause:string",
                    "from_status:string", "to_status:string", "reason:string", "previous_hash:string", "hash:string")),
            new Resource("documents", "Published documents with their SHA-256", columns("document_id:string",
                    "project_id:string", "document_type:string", "title:string", "language:string",
                    "media_type:string", "size_bytes:integer", "sha256:string", "supersedes:string",
                    "published_at:datetime", "url:string")));

    private final PublicProjects projects;
    private final OpenDataSettings settings;
    private final ObjectMapper mapper;

    public CsvExports(PublicProjects projects, OpenDataSettings settings, ObjectMapper mapper) {
        this.projects = projects;
        this.settings = settings;
        this.mapper = mapper;
    }

    public static Resource resource(String name) {
        return RESOURCES.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** Writes {@code resource} as CSV (RFC 4180, UTF-8, a header row) to {@code out}. */
    public void write(Resource resource, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(resource.header()
                .toArray(String[]::new)).get());
        try {
            switch (resource.name()) {
                case "rounds", "ranking" -> rounds(resource.name(), csv);
                case "history" -> projects.forEachPage(page -> rows(csv, history(page)));
                default -> projects.forEach(project -> rows(csv, rowsOf(resource.name(), project)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private List<List<Object>> rowsOf(String resource, PublicProjects.Project project) {
        Proposal p = project.proposal();
        return switch (resource) {
            case "projects" -> List.of(Arrays.asList(p.id(), settings.oc4idsPrefix() + "-" + p.id(), p.title(),
                    p.status(), p.hostCountry(), p.submittingPartner(),
                    p.minerals().stream().map(Enum::name).collect(Collectors.joining(";")), p.valueChainStage(),
                    p.sponsor(), p.requestedFinancingUsd(), at(p.submittedAt()), at(p.updatedAt()), p.esgOutcome(),
                    p.esgScore(), p.priorityRank(), p.priorityScore(), p.partnershipId(), p.partnershipName(),
                    p.hostConsent(), p.historyHead()));
            case "conditions" -> project.actionPlan().stream().map((ActionPlanItem i) -> Arrays.<Object>asList(
                    p.id(), i.code, i.title, i.critical, i.responsibleParty, i.dueDate, i.status,
                    i.evidenceDocumentId, i.verifiedBy, at(i.verifiedAt))).toList();
            case "interests" -> project.interests().stream().map((PartnerInterest i) -> Arrays.<Object>asList(
                    p.id(), i.partner, i.instrument, i.indicativeAmountUsd)).toList();
            case "commitments" -> project.commitments().stream().map((FinancingCommitment c) -> Arrays.<Object>asList(
                    c.commitmentId, p.id(), c.partner, c.instrument, c.amount, c.currency, c.amountUsd, c.usdRateDate,
                    c.agreementDocumentId, at(c.recordedAt))).toList();
            case "endorsements" -> project.endorsements().stream().map((StandingEndorsement e) -> Arrays.<Object>asList(
                    p.id(), e.partner, at(e.since), e.countsTowardQuorum == null || e.countsTowardQuorum)).toList();
            case "documents" -> project.documents().stream().map((ProjectDocument d) -> Arrays.<Object>asList(
                    d.id, p.id(), d.documentType, d.title, d.language, d.mediaType, d.sizeBytes, d.sha256,
                    d.supersedes, at(d.publishedAt),
                    settings.publicBaseUrl() + "/api/v1/documents/" + d.id + "/content")).toList();
            default -> throw new IllegalArgumentException("no CSV resource " + resource);
        };
    }

    /** The history of a page of projects, in one query. */
    private List<List<Object>> history(List<PublicProjects.Project> page) {
        List<UUID> ids = page.stream().map(project -> project.proposal().id()).toList();
        return QuarkusTransaction.requiringNew().call(() -> HistoryEntry.<HistoryEntry>list(
                        "projectId in ?1 order by projectId, seq", ids).stream()
                .map(h -> Arrays.<Object>asList(h.projectId, h.seq, at(h.at), h.actor, h.cause, h.fromStatus,
                        h.toStatus, h.reason, h.previousHash, h.hash)).toList());
    }

    private void rounds(String resource, CSVPrinter csv) throws IOException {
        List<PrioritisationRound> rounds = QuarkusTransaction.requiringNew().call(() ->
                PrioritisationRound.<PrioritisationRound>list("order by runAt, id"));
        for (PrioritisationRound round : rounds) {
            JsonNode ranking = mapper.readTree(round.ranking);
            if (resource.equals("rounds")) {
                csv.printRecord(round.id, at(round.runAt), round.runBy, ranking.size());
                continue;
            }
            for (JsonNode ranked : ranking) {
                csv.printRecord(round.id, ranked.path("rank").asInt(), ranked.path("projectId").asText(),
                        ranked.path("title").asText(), ranked.path("score").decimalValue());
            }
        }
    }

    private static void rows(CSVPrinter csv, List<List<Object>> rows) {
        try {
            for (List<Object> row : rows) {
                csv.printRecord(row.stream().map(v -> v == null ? "" : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String at(OffsetDateTime at) {
        return at == null ? null : Oc4ids.rfc3339(at);
    }

    private static List<Column> columns(String... specs) {
        return Arrays.stream(specs).map(spec -> {
            String[] parts = spec.split(":");
            return new Column(parts[0], parts[1]);
        }).toList();
    }
}
