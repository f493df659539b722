package org.msp.portal.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.msp.portal.web.PartOfPlatform;
import org.msp.portal.web.VisitorToken;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** project-service's API as the portal reads it (SPEC §5): proposals, their history, prioritisation. */
@RegisterRestClient(configKey = "project-service")
@RegisterProvider(VisitorToken.class)
@PartOfPlatform("project-service")
@Path("/api/v1")
public interface ProjectsApi {

    @GET
    @Path("/projects")
    ProjectPage list(@QueryParam("status") String status, @QueryParam("mineral") String mineral,
            @QueryParam("hostCountry") String hostCountry, @QueryParam("submittingPartner") String submittingPartner,
            @QueryParam("valueChainStage") String valueChainStage, @QueryParam("q") String text,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/projects/{id}")
    RestResponse<Project> get(@PathParam("id") UUID id);

    @POST
    @Path("/projects")
    @Consumes(MediaType.APPLICATION_JSON)
    Project create(ProposalForm.Body body);

    @PUT
    @Path("/projects/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Project update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, ProposalForm.Body body);

    @POST
    @Path("/projects/{id}/submit")
    Project submit(@PathParam("id") UUID id);

    @POST
    @Path("/projects/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    Project withdraw(@PathParam("id") UUID id, Map<String, String> reason);

    @GET
    @Path("/projects/{id}/history")
    List<HistoryEntry> history(@PathParam("id") UUID id);

    @GET
    @Path("/projects/{id}/history/verify")
    ChainCheck verify(@PathParam("id") UUID id);

    @GET
    @Path("/projects/{id}/documents")
    List<Document> documents(@PathParam("id") UUID id);

    /** The visitor's file, forwarded as it was spooled to the portal's disk (never held in memory). */
    @POST
    @Path("/projects/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Document publishDocument(@PathParam("id") UUID id, org.jboss.resteasy.reactive.client.api.ClientMultipartForm form);

    @GET
    @Path("/documents/{id}/verify")
    DocumentCheck verifyDocument(@PathParam("id") UUID id);

    @PUT
    @Path("/projects/{id}/host-consent")
    Project recordHostConsent(@PathParam("id") UUID id, Map<String, String> consent);

    @GET
    @Path("/projects/{id}/action-plan")
    ActionPlan actionPlan(@PathParam("id") UUID id);

    @PUT
    @Path("/projects/{id}/action-plan/{code}")
    ActionItem planActionItem(@PathParam("id") UUID id, @PathParam("code") String code, Map<String, String> plan);

    @POST
    @Path("/projects/{id}/action-plan/{code}/verification")
    ActionItem verifyActionItem(@PathParam("id") UUID id, @PathParam("code") String code,
            Map<String, String> verification);

    @GET
    @Path("/open-data/datapackage.json")
    DataPackage dataPackage();

    @GET
    @Path("/open-data/bulk")
    BulkArchives bulkArchives();

    @GET
    @Path("/prioritisation")
    Ranking ranking();

    @GET
    @Path("/prioritisation/rounds")
    List<RoundSummary> rounds();

    @GET
    @Path("/prioritisation/rounds/{id}")
    Round round(@PathParam("id") UUID id);

    @POST
    @Path("/prioritisation/rounds")
    Round runRound();

    record Project(UUID id, String title, String summary, String hostCountry, List<String> minerals,
            String valueChainStage, String sponsor, BigDecimal requestedFinancingUsd, Disclosure disclosure,
            String submittingPartner, String status, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            OffsetDateTime submittedAt, Esg esg, Priority priority, Partnership partnership, HostConsent hostConsent) {

        public boolean isDraft() {
            return "DRAFT".equals(status);
        }

        /** Withdrawal is open to the submitting partner until a round prioritises the project. */
        public boolean isWithdrawable() {
            return !List.of("ESG_REJECTED", "PRIORITISED", "FINANCED", "WITHDRAWN").contains(status);
        }

        /** Whether the host government may still state its consent (a draft is private, a closed project is closed). */
        public boolean takesHostConsent() {
            return !List.of("DRAFT", "ESG_REJECTED", "WITHDRAWN").contains(status);
        }

        public boolean isOpenForSupport() {
            return "OPEN_FOR_SUPPORT".equals(status) || "ENDORSED".equals(status);
        }
    }

    /** The partnership of the registry the project is proposed under. */
    record Partnership(UUID id, String name, String kind) {
    }

    /** What the host government said about the project, when, and why. */
    record HostConsent(String consent, String reason, OffsetDateTime at) {
        public boolean isObjection() {
            return "OBJECTED".equals(consent);
        }
    }

    /** The public action plan drawn from the review's conditions. */
    record ActionPlan(List<ActionItem> items, int overdue, int criticalUnmet) {
    }

    record ActionItem(String code, String title, boolean critical, String responsibleParty, LocalDate dueDate,
            String status, boolean overdue, UUID evidenceDocumentId, String verifiedBy, OffsetDateTime verifiedAt,
            String verificationNote) {
    }

    /** The Frictionless description of the open data: every file with its size and SHA-256. */
    record DataPackage(String created, List<Licence> licenses, List<DataFile> resources) {
    }

    record Licence(String name, String path, String title) {
    }

    /** The daily archives, newest first. */
    record BulkArchives(String license, List<BulkArchive> archives) {
    }

    /** One day's zip of every open-data file, never changed once made. */
    record BulkArchive(String day, String file, long bytes, String sha256, String dataAsOf) {
    }

    record DataFile(String name, String path, String format, String mediatype, long bytes, String hash,
            String description) {
        /** The file's name as a re-user saves it (the last part of its path). */
        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** The hex SHA-256 without its {@code sha256:} prefix. */
        public String sha256() {
            return hash.startsWith("sha256:") ? hash.substring(7) : hash;
        }
    }

    /** A published document; its bytes are fetched from project-service itself ({@code contentUrl}). */
    record Document(UUID id, UUID projectId, String documentType, String title, String language, String mediaType,
            long sizeBytes, String sha256, UUID supersedes, UUID supersededBy, OffsetDateTime publishedAt,
            String publishedBy, int historyEntry, String contentUrl, String verifyUrl) {

        public boolean isCurrent() {
            return supersededBy == null;
        }
    }

    /** The stored bytes re-hashed now, against the SHA-256 the history recorded. */
    record DocumentCheck(UUID documentId, boolean intact, String recordedSha256, String computedSha256,
            long recordedSize, long storedSize, int historyEntry) {
    }

    record Disclosure(boolean feasibilityStudyPublic, boolean agreementPublic, boolean communityConsultationHeld) {
    }

    record Esg(String reviewId, String outcome, BigDecimal score, List<Condition> conditions) {
    }

    /** A condition of clearance: a checklist item rated PARTIAL or DOES_NOT_MEET, with the reviewer's comment. */
    record Condition(String code, String title, String rating, String comment) {
    }

    record Priority(UUID roundId, Integer rank, BigDecimal score, Breakdown breakdown) {
    }

    record Breakdown(List<Component> components) {
    }

    record ProjectPage(List<Project> items, int page, int size, long total) {
    }

    record HistoryEntry(int seq, OffsetDateTime at, String actor, String cause, String from, String to, String reason,
            String previousHash, String hash) {
    }

    record ChainCheck(boolean intact, int entries, String headHash, Integer brokenAtSeq, String problem) {
    }

    /** One component of a score: its value in 0-1, its weight, the points it gave and the sentence explaining it. */
    record Component(String name, BigDecimal value, BigDecimal weight, BigDecimal points, String explanation) {
    }

    record RankedProject(int rank, UUID projectId, String title, String hostCountry, String status, UUID roundId,
            BigDecimal score, List<Component> breakdown) {
    }

    record Ranking(Map<String, Double> weights, int quorum, String productionShareSource, List<RankedProject> ranking) {
    }

    record RoundSummary(UUID id, OffsetDateTime runAt, String runBy, int projects) {
    }

    record Round(UUID id, OffsetDateTime runAt, String runBy, Map<String, Double> weights, List<RankedProject> ranking) {
    }
}
