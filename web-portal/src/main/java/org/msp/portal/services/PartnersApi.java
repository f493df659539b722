package org.msp.portal.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.msp.portal.web.PartOfPlatform;
import org.msp.portal.web.VisitorToken;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** partner-service's API as the portal reads it: the registry, interest and endorsements. */
@RegisterRestClient(configKey = "partner-service")
@RegisterProvider(VisitorToken.class)
@PartOfPlatform("partner-service")
@Path("/api/v1")
public interface PartnersApi {

    @GET
    @Path("/partners")
    List<Partner> partners();

    @POST
    @Path("/partners")
    @Consumes(MediaType.APPLICATION_JSON)
    Partner add(Map<String, Object> partner);

    @GET
    @Path("/projects/{projectId}/interests")
    Interests interests(@PathParam("projectId") UUID projectId);

    @GET
    @Path("/projects/{projectId}/endorsements")
    Endorsements endorsements(@PathParam("projectId") UUID projectId);

    @POST
    @Path("/projects/{projectId}/interests")
    @Consumes(MediaType.APPLICATION_JSON)
    void expressInterest(@PathParam("projectId") UUID projectId, Map<String, Object> interest);

    @PUT
    @Path("/projects/{projectId}/endorsement")
    void endorse(@PathParam("projectId") UUID projectId);

    @DELETE
    @Path("/projects/{projectId}/endorsement")
    void withdrawEndorsement(@PathParam("projectId") UUID projectId);

    @GET
    @Path("/partnerships")
    List<PartnershipSummary> partnerships();

    @GET
    @Path("/partnerships/scorecard")
    Scorecard scorecard();

    @GET
    @Path("/partnerships/{id}")
    Partnership partnership(@PathParam("id") UUID id);

    @POST
    @Path("/partnerships")
    @Consumes(MediaType.APPLICATION_JSON)
    Partnership createPartnership(Map<String, Object> partnership);

    @POST
    @Path("/partnerships/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    Partnership addMilestone(@PathParam("id") UUID id, Map<String, Object> milestone);

    @GET
    @Path("/projects/{projectId}/partnership")
    ProjectPartnership projectPartnership(@PathParam("projectId") UUID projectId);

    @PUT
    @Path("/projects/{projectId}/partnership")
    @Consumes(MediaType.APPLICATION_JSON)
    ProjectPartnership namePartnership(@PathParam("projectId") UUID projectId, Map<String, Object> naming);

    /** A party of a partnership, and whether the partner registry lists it (and as what). */
    record Party(String code, String name, boolean inRegistry, String registryKind) {
    }

    record PartnershipSummary(UUID id, String name, String kind, List<Party> parties, LocalDate signedOn,
            String announced, Integer year, String disclosureLevel, int milestones, int linkedProjects) {
        /** The scorecard's column for it: the year, or "not stated". */
        public String yearLabel() {
            return year == null ? "not stated" : year.toString();
        }
    }

    record Source(String reference, String url, LocalDate publishedOn) {
    }

    record Milestone(UUID id, String title, LocalDate dueOn, String status, LocalDate metOn, String evidenceUrl,
            boolean metOnTime, boolean overdue) {
    }

    record LinkedProject(UUID id, String title, String status, String hostCountry, String submittingPartner) {
    }

    record PartnershipStep(int seq, OffsetDateTime at, String actor, String cause, String action, String hash) {
    }

    record PartnershipChain(boolean intact, int entries, Integer brokenAtSeq, String problem) {
    }

    record Partnership(UUID id, String name, String kind, List<Party> parties, LocalDate signedOn, String announced,
            Integer year, String signingPlace, Source source, String objectives, String disclosureLevel,
            String disclosureBasis, int version, List<Milestone> milestones, List<LinkedProject> linkedProjects,
            List<PartnershipStep> history, PartnershipChain chain) {
    }

    record YearRow(String year, Map<String, Integer> counts, int total) {
    }

    record ScorecardLine(UUID id, String name, String year, String disclosureLevel, int milestones, int counted,
            int metOnTime, int overdue, Double shareMetOnTime) {
    }

    record Scorecard(List<String> levels, List<YearRow> years, List<ScorecardLine> partnerships) {
    }

    record NamedPartnership(UUID id, String name, String kind) {
    }

    record ProjectPartnership(UUID projectId, NamedPartnership partnership) {
    }

    @GET
    @Path("/projects/{projectId}/commitments")
    Financing financing(@PathParam("projectId") UUID projectId);

    @POST
    @Path("/projects/{projectId}/commitments")
    @Consumes(MediaType.APPLICATION_JSON)
    void commit(@PathParam("projectId") UUID projectId, Map<String, Object> commitment);

    @POST
    @Path("/projects/{projectId}/commitments/{commitmentId}/disbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    void disburse(@PathParam("projectId") UUID projectId, @PathParam("commitmentId") UUID commitmentId,
            Map<String, Object> disbursement);

    record Partner(String code, String name, String kind, LocalDate joinedOn) {
        public boolean isMspPartner() {
            return "MSP_PARTNER".equals(kind);
        }
    }

    record Interest(String partner, String instrument, BigDecimal indicativeAmountUsd, String note,
            OffsetDateTime expressedAt) {
    }

    record Interests(UUID projectId, String status, List<String> partners, BigDecimal totalIndicativeAmountUsd,
            List<Interest> interests) {
    }

    record Endorsement(String partner, OffsetDateTime since) {
    }

    record Endorsements(UUID projectId, String status, int count, List<Endorsement> endorsements) {
        public boolean by(String partner) {
            return endorsements.stream().anyMatch(e -> e.partner().equals(partner));
        }
    }

    /** A project's financing as partner-service publishes it: per partner in USD, each commitment, the action plan. */
    record Financing(UUID projectId, String status, BigDecimal totalCommittedUsd, BigDecimal totalDisbursedUsd,
            List<PartnerFinancing> partners, List<Commitment> commitments, List<Condition> conditions) {
        /** The commitments of one partner (the ones its officer may disburse against). */
        public List<Commitment> of(String partner) {
            return commitments.stream().filter(c -> c.partner().equals(partner)).toList();
        }

        public boolean takesCommitments() {
            return "PRIORITISED".equals(status) || "FINANCED".equals(status);
        }

        /** Whether any condition of the plan holds disbursements tied to it back. */
        public boolean anyHold() {
            return conditions.stream().anyMatch(Condition::holdsDisbursements);
        }
    }

    record PartnerFinancing(String partner, BigDecimal committedUsd, BigDecimal disbursedUsd) {
        /** The share disbursed, 0-100, for the row's bar. */
        public long disbursedPercent() {
            return committedUsd == null || committedUsd.signum() == 0 ? 0 : disbursedUsd.multiply(BigDecimal.valueOf(100))
                    .divide(committedUsd, 0, java.math.RoundingMode.DOWN).longValue();
        }
    }

    record Commitment(UUID id, String partner, String instrument, BigDecimal amount, String currency,
            BigDecimal amountUsd, LocalDate usdRateDate, UUID agreementDocumentId, OffsetDateTime recordedAt,
            BigDecimal disbursedAmount, BigDecimal remainingAmount, List<Disbursement> disbursements) {
    }

    record Disbursement(UUID id, BigDecimal amount, String currency, BigDecimal amountUsd, LocalDate disbursedOn,
            List<String> conditions, List<String> overriddenConditions, String overrideReason,
            OffsetDateTime recordedAt) {
        public boolean overrode() {
            return overrideReason != null;
        }
    }

    record Condition(String code, String title, boolean critical, String status, LocalDate dueDate,
            String responsibleParty, boolean holdsDisbursements) {
    }
}
