package org.msp.project.opendata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.msp.project.documents.ProjectDocument;
import org.msp.project.domain.ActionPlanItem;
import org.msp.project.domain.FinancingCommitment;
import org.msp.project.domain.PartnerInterest;
import org.msp.project.domain.ProjectStatus;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.StandingEndorsement;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The platform's projects as an OC4IDS 0.9 project package (Open Contracting for Infrastructure Data
 * Standards), written as a stream: the package's head, then one project at a time. What OC4IDS has no
 * field for (the ESG review, the ranking, minerals, the host government's word, partners' interest) is in
 * a local extension under {@code msp}, documented in the README.
 */
@ApplicationScoped
public class Oc4ids {
    /** The OC4IDS version the package declares (major.minor), validated against the 0.9 schema in tests. */
    static final String VERSION = "0.9";

    private final ObjectMapper mapper;
    private final OpenDataSettings settings;

    public Oc4ids(ObjectMapper mapper, OpenDataSettings settings) {
        this.mapper = mapper;
        this.settings = settings;
    }

    /** The whole package, every public project in it, streamed page by page. */
    public void writePackage(PublicProjects projects, String uri, OffsetDateTime published, OutputStream out)
            throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            writeHead(json, uri, published);
            json.writeArrayFieldStart("projects");
            projects.forEach(project -> {
                try {
                    mapper.writeTree(json, project(project));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** A package holding one project. */
    public ObjectNode packageOf(PublicProjects.Project project, String uri, OffsetDateTime published) {
        ObjectNode pkg = head(uri, published);
        pkg.putArray("projects").add(project(project));
        return pkg;
    }

    private void writeHead(JsonGenerator json, String uri, OffsetDateTime published) throws IOException {
        ObjectNode head = head(uri, published);
        for (var field : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) head::fields) {
            json.writeFieldName(field.getKey());
            mapper.writeTree(json, field.getValue());
        }
    }

    private ObjectNode head(String uri, OffsetDateTime published) {
        ObjectNode head = mapper.createObjectNode();
        head.put("uri", uri);
        head.put("publishedDate", rfc3339(published));
        head.put("version", VERSION);
        head.putObject("publisher").put("name", settings.publisherName());
        head.put("license", settings.licence());
        head.put("publicationPolicy", settings.publicationPolicy());
        return head;
    }

    /** One project in OC4IDS terms. */
    ObjectNode project(PublicProjects.Project project) {
        Proposal p = project.proposal();
        ObjectNode o = mapper.createObjectNode();
        o.put("id", settings.oc4idsPrefix() + "-" + p.id());
        o.put("updated", rfc3339(p.updatedAt()));
        o.put("language", "en");
        o.putArray("identifiers").addObject().put("id", p.id().toString()).put("scheme", "MSP-PIPELINE");
        o.put("title", p.title());
        o.put("description", p.summary());
        o.put("status", status(p.status()));
        o.putArray("sector").add("naturalResources").add("naturalResources.criticalMinerals");
        String host = "GOV-" + p.hostCountry();
        o.putObject("publicAuthority").put("id", host).put("name", "Government of " + p.hostCountry());
        ArrayNode parties = o.putArray("parties");
        party(parties, host, "Government of " + p.hostCountry(), p.hostCountry(), "publicAuthority");
        party(parties, "SPONSOR", p.sponsor(), null, "administrativeEntity");
        party(parties, "MSP-" + p.submittingPartner(), "Minerals Security Partnership partner " + p.submittingPartner(),
                p.submittingPartner(), "interestedParty");
        for (PartnerInterest interest : project.interests()) {
            if (!interest.partner.equals(p.submittingPartner())) {
                party(parties, "MSP-" + interest.partner, "Minerals Security Partnership partner " + interest.partner,
                        interest.partner, "funder");
            }
        }
        for (FinancingCommitment commitment : project.commitments()) {
            party(parties, "MSP-" + commitment.partner, "Minerals Security Partnership partner " + commitment.partner,
                    commitment.partner, "funder");
        }
        ObjectNode budget = o.putObject("budget");
        budget.put("description", "Financing the submitting partner requested for the project");
        budget.putObject("amount").put("amount", p.requestedFinancingUsd()).put("currency", "USD");
        if (!project.commitments().isEmpty()) {
            ArrayNode finance = budget.putArray("finance");
            project.commitments().forEach(c -> finance.add(finance(c)));
        }
        if (!project.documents().isEmpty()) {
            ArrayNode documents = o.putArray("documents");
            for (ProjectDocument d : project.documents()) {
                documents.addObject().put("id", d.id.toString()).put("documentType", d.documentType.name())
                        .put("title", d.title).put("url", settings.publicBaseUrl() + "/api/v1/documents/" + d.id + "/content")
                        .put("datePublished", rfc3339(d.publishedAt))
                        .put("format", d.mediaType).put("language", d.language);
            }
        }
        if (!project.actionPlan().isEmpty()) {
            ArrayNode milestones = o.putArray("milestones");
            for (ActionPlanItem item : project.actionPlan()) {
                ObjectNode m = milestones.addObject().put("id", item.code).put("title", item.title)
                        .put("type", "assessment").put("code", item.code)
                        .put("dueDate", rfc3339(item.dueDate.atStartOfDay().atOffset(ZoneOffset.UTC)))
                        .put("status", milestoneStatus(item));
                if (item.verifiedAt != null && item.status == org.msp.events.project.ActionItemStatus.MET) {
                    m.put("dateMet", rfc3339(item.verifiedAt));
                }
            }
        }
        o.set("msp", extension(project));
        return o;
    }

    /** A partner's commitment as an OC4IDS financing arrangement, in the agreement's own currency. */
    private ObjectNode finance(FinancingCommitment c) {
        ObjectNode f = mapper.createObjectNode().put("id", c.commitmentId.toString())
                .put("title", c.instrument.toLowerCase(Locale.ROOT).replace('_', ' ') + " committed by " + c.partner);
        f.putObject("value").put("amount", c.amount).put("currency", c.currency);
        f.putObject("financingParty").put("id", "MSP-" + c.partner)
                .put("name", "Minerals Security Partnership partner " + c.partner);
        f.put("financingPartyType", "bilateral"); // a partner government lends or grants as a state
        String type = financingArrangementType(c.instrument);
        if (type != null) {
            f.put("type", type);
        }
        String assetClass = assetClass(c.instrument);
        if (assetClass != null) {
            f.putArray("assetClass").add(assetClass);
        }
        return f;
    }

    /**
     * The platform's instruments in OC4IDS's closed financingArrangementType codelist; an offtake agreement
     * and technical assistance have no code there, so they carry none (the title and msp.commitments say it).
     */
    static String financingArrangementType(String instrument) {
        return switch (instrument) {
            case "LOAN" -> "loan";
            case "EQUITY" -> "shares.unlisted";
            case "GUARANTEE" -> "guarantee";
            case "GRANT" -> "grant";
            default -> null;
        };
    }

    private static String assetClass(String instrument) {
        return switch (instrument) {
            case "LOAN" -> "debt";
            case "EQUITY" -> "equity";
            default -> null;
        };
    }

    /** What OC4IDS has no field for, under the local extension {@code msp}. */
    private ObjectNode extension(PublicProjects.Project project) {
        Proposal p = project.proposal();
        ObjectNode msp = mapper.createObjectNode();
        msp.put("status", p.status().name());
        msp.put("valueChainStage", p.valueChainStage().name());
        ArrayNode minerals = msp.putArray("minerals");
        p.minerals().forEach(m -> minerals.add(m.name()));
        msp.put("hostCountry", p.hostCountry());
        msp.put("submittingPartner", p.submittingPartner());
        msp.put("historyHead", p.historyHead());
        if (p.partnershipId() != null) {
            msp.putObject("partnership").put("id", p.partnershipId().toString()).put("name", p.partnershipName())
                    .put("kind", p.partnershipKind());
        }
        if (p.hostConsent() != null) {
            msp.putObject("hostConsent").put("consent", p.hostConsent().name()).put("reason", p.hostConsentReason())
                    .put("at", rfc3339(p.hostConsentAt()));
        }
        if (p.esgOutcome() != null) {
            ObjectNode esg = msp.putObject("esgReview").put("reviewId", p.esgReviewId()).put("outcome", p.esgOutcome())
                    .put("score", p.esgScore());
            esg.set("conditions", tree(p.esgConditions()));
        }
        if (p.priorityRank() != null) {
            ObjectNode priority = msp.putObject("prioritisation").put("roundId", p.prioritisationRoundId().toString())
                    .put("rank", p.priorityRank()).put("score", p.priorityScore());
            priority.set("breakdown", tree(p.priorityBreakdown()));
        }
        ArrayNode interests = msp.putArray("indicativeInterests");
        for (PartnerInterest interest : project.interests()) {
            interests.addObject().put("partner", interest.partner).put("instrument", interest.instrument)
                    .put("indicativeAmountUsd", interest.indicativeAmountUsd);
        }
        ArrayNode commitments = msp.putArray("commitments");
        for (FinancingCommitment c : project.commitments()) {
            ObjectNode commitment = commitments.addObject().put("commitmentId", c.commitmentId.toString())
                    .put("partner", c.partner).put("instrument", c.instrument).put("amount", c.amount)
                    .put("currency", c.currency).put("amountUsd", c.amountUsd).put("usdRateDate", c.usdRateDate.toString());
            if (c.agreementDocumentId != null) {
                commitment.put("agreementDocumentId", c.agreementDocumentId.toString());
            }
        }
        ArrayNode endorsements = msp.putArray("endorsements");
        for (StandingEndorsement endorsement : project.endorsements()) {
            endorsements.addObject().put("partner", endorsement.partner)
                    .put("countsTowardQuorum", endorsement.countsTowardQuorum == null || endorsement.countsTowardQuorum);
        }
        return msp;
    }

    /** The lifecycle in OC4IDS's projectStatus codes (a closed codelist). */
    static String status(ProjectStatus status) {
        return switch (status) {
            case DRAFT, SUBMITTED, ESG_REVIEW, OPEN_FOR_SUPPORT, ENDORSED -> "identification";
            case PRIORITISED -> "preparation";
            case FINANCED -> "implementation";
            case ESG_REJECTED, WITHDRAWN -> "cancelled";
        };
    }

    /** SCHEDULED → scheduled, PARTIALLY_MET → partiallyMet (OCDS milestoneStatus). */
    static String milestoneStatus(ActionPlanItem item) {
        String[] words = item.status.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder code = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            code.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return code.toString();
    }

    /** An RFC 3339 date-time in UTC, seconds always written (OffsetDateTime.toString drops ":00"). */
    static String rfc3339(OffsetDateTime at) {
        return at.toInstant().toString();
    }

    private static void party(ArrayNode parties, String id, String name, String country, String role) {
        for (var existing : parties) {
            if (existing.path("id").asText().equals(id)) {
                ((ArrayNode) existing.path("roles")).add(role);
                return;
            }
        }
        ObjectNode party = parties.addObject().put("id", id).put("name", name);
        party.putArray("roles").add(role);
        if (country != null) {
            party.putObject("address").put("countryName", country);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return json == null ? mapper.nullNode() : mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON no longer parses", e);
        }
    }
}
