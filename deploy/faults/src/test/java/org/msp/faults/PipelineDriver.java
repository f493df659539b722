package org.msp.faults;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.core.ConditionTimeoutException;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The demo users' moves through public APIs, made to survive a platform that is being broken under
 * them: each try goes to any instance of the service, a call that fails (refused connection, 5xx
 * while a database restarts) is tried again, and a command that is not idempotent is only repeated
 * after checking that its effect is not there yet. That is what a careful client does, and it is what
 * lets the suite count every doubled effect as the platform's fault, not the driver's.
 */
final class PipelineDriver {
    /** How long one user move may keep failing: longer than any injected outage or hang and its recovery. */
    private static final Duration MOVE_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 30_000));

    /** The final state a proposal is driven to, and what its history must then show. */
    enum Fate {
        PRIORITISED(List.of("DRAFT", "SUBMITTED", "ESG_REVIEW", "OPEN_FOR_SUPPORT", "ENDORSED", "PRIORITISED"), 10),
        ESG_REJECTED(List.of("DRAFT", "SUBMITTED", "ESG_REVIEW", "ESG_REJECTED"), 6),
        WITHDRAWN(List.of("DRAFT", "SUBMITTED", "ESG_REVIEW", "WITHDRAWN"), 4);

        final List<String> history;
        /** Events about the project on the three topics (and so at a webhook that follows its country). */
        final int events;

        Fate(List<String> history, int events) {
            this.history = history;
            this.events = events;
        }
    }

    private final ProcessPlatform platform;
    private final Tokens tokens;
    /** Accepted commands that publish an event: lets an outage last until work piled up behind it. */
    final AtomicLong accepted = new AtomicLong();
    /** Calls that failed and were tried again (connection refused, 5xx, time-outs). */
    final AtomicLong retried = new AtomicLong();
    /** Answers 5xx other than 503: the platform's faults, even when a retry then succeeded. */
    final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();

    /** Instances taken out of service for good: no call goes to them any more. */
    private final Set<String> retired = ConcurrentHashMap.newKeySet();

    PipelineDriver(ProcessPlatform platform, Tokens tokens) {
        this.platform = platform;
        this.tokens = tokens;
    }

    /** From now on, calls go only to the service's other instances. */
    void retire(String instance) {
        retired.add(instance);
    }

    /** Calls may go to {@code instance} again (it was restarted). */
    void reinstate(String instance) {
        retired.remove(instance);
    }

    /** Creates proposal {@code number}: a DRAFT, which publishes nothing yet. */
    String create(int number, String hostCountry, List<String> minerals) {
        Map<String, Object> proposal = Map.of("title", "Fault suite project " + number,
                "summary", "Recovers critical minerals from legacy tailings", "hostCountry", hostCountry,
                "minerals", minerals, "valueChainStage", "PROCESSING",
                "sponsor", "Tailings Ltd " + number, "requestedFinancingUsd", 10_000_000 + number,
                "disclosure", Map.of("feasibilityStudyPublic", true, "agreementPublic", number % 2 == 0,
                        "communityConsultationHeld", true));
        // a repeat after a lost answer may leave an extra DRAFT behind; drafts publish nothing
        return call("create " + number, () -> as("gb-officer").contentType(ContentType.JSON).body(proposal)
                .post(projects("/projects")), Set.of(201)).path("id");
    }

    /** Drives a created proposal to {@code fate} (PRIORITISED stops at ENDORSED: the round comes last). */
    void advance(String id, Fate fate) {
        command("submit " + id, () -> as("gb-officer").post(projects("/projects/" + id + "/submit")),
                Set.of(200), () -> !"DRAFT".equals(statusOf(id)));
        awaitStatus(id, "ESG_REVIEW");
        if (fate == Fate.WITHDRAWN) {
            command("withdraw " + id, () -> as("gb-officer").post(projects("/projects/" + id + "/withdraw")),
                    Set.of(200), () -> "WITHDRAWN".equals(statusOf(id)));
            return;
        }
        String review = reviewOf(id);
        command("assign " + review, () -> as("jp-reviewer").post(reviews("/reviews/" + review + "/assignment")),
                Set.of(200), () -> !"OPEN".equals(reviewStatus(review)));
        List<Map<String, Object>> items = call("items of " + review,
                () -> as("jp-reviewer").get(reviews("/reviews/" + review)), Set.of(200)).jsonPath().getList("items");
        boolean reject = fate == Fate.ESG_REJECTED;
        String failed = items.stream().filter(item -> (Boolean) item.get("critical"))
                .map(item -> (String) item.get("code")).findFirst().orElseThrow();
        for (Map<String, Object> item : items) {
            String code = (String) item.get("code");
            Map<String, Object> rating = reject && code.equals(failed)
                    ? Map.of("rating", "DOES_NOT_MEET", "comment", "no community consent")
                    : Map.of("rating", "MEETS", "evidence", "checked on site");
            // a PUT: repeating it changes nothing
            call("rate " + code, () -> as("jp-reviewer").contentType(ContentType.JSON).body(rating)
                    .put(reviews("/reviews/" + review + "/items/" + code)), Set.of(200));
        }
        command("complete " + review, () -> as("jp-reviewer").contentType(ContentType.JSON)
                        .body(Map.of("riskCategory", reject ? "A" : "B")).post(reviews("/reviews/" + review + "/complete")),
                Set.of(200), () -> "COMPLETED".equals(reviewStatus(review)));
        if (reject) {
            awaitStatus(id, "ESG_REJECTED");
            return;
        }
        awaitStatus(id, "OPEN_FOR_SUPPORT");
        for (String partner : List.of("us-officer", "eu-officer")) {
            // idempotent PUT; 409 until partner-service has heard that the project is open for support
            call(partner + " endorses " + id, () -> as(partner)
                    .put(partners("/projects/" + id + "/endorsement")), Set.of(200, 201));
            accepted.incrementAndGet();
        }
        awaitStatus(id, "ENDORSED");
    }

    /** The secretariat's round: every ENDORSED project becomes PRIORITISED. */
    void prioritisationRound() {
        call("prioritisation round", () -> as("secretariat").post(projects("/prioritisation/rounds")), Set.of(201));
    }

    String statusOf(String id) {
        return call("status of " + id, () -> asOwner().get(projects("/projects/" + id)), Set.of(200))
                .path("status");
    }

    List<String> historyOf(String id) {
        return call("history of " + id, () -> asOwner().get(projects("/projects/" + id + "/history")),
                Set.of(200)).jsonPath().getList("to");
    }

    Response verifyHistory(String id) {
        return call("verify " + id, () -> asOwner().get(projects("/projects/" + id + "/history/verify")),
                Set.of(200));
    }

    private String reviewOf(String project) {
        String[] id = new String[1];
        await("the review of " + project).atMost(MOVE_TIMEOUT).pollInterval(POLL).ignoreExceptions().until(() -> {
            id[0] = given().config(CONFIG).queryParam("projectId", project).get(reviews("/reviews"))
                    .then().statusCode(200).extract().path("items[0].id");
            return id[0] != null;
        });
        return id[0];
    }

    private String reviewStatus(String review) {
        return call("review " + review, () -> given().config(CONFIG).get(reviews("/reviews/" + review)), Set.of(200))
                .path("status");
    }

    void awaitStatus(String project, String status) {
        await(project + " " + status).atMost(MOVE_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                .until(() -> status.equals(asOwner().get(projects("/projects/" + project)).path("status")));
    }

    /** A call tried until it answers one of {@code ok}. Only for reads and idempotent writes. */
    private Response call(String what, Callable<Response> request, Set<Integer> ok) {
        Response[] answer = new Response[1];
        String[] last = {"no answer"};
        awaitMove(what, last, () -> {
            try {
                answer[0] = request.call();
            } catch (Exception unreachable) {
                last[0] = unreachable.toString();
                retried.incrementAndGet();
                return false;
            }
            boolean done = ok.contains(answer[0].statusCode());
            if (!done) {
                last[0] = judged(what, answer[0]);
                retried.incrementAndGet();
            }
            return done;
        });
        return answer[0];
    }

    /**
     * A command that is not idempotent: tried until it is accepted, but after a failure only repeated
     * while {@code done} says its effect is not there yet (the failed attempt may have committed).
     */
    private void command(String what, Callable<Response> request, Set<Integer> ok, BooleanSupplier done) {
        boolean[] failedBefore = {false};
        String[] last = {"no answer"};
        awaitMove(what, last, () -> {
            try {
                if (failedBefore[0] && done.getAsBoolean()) {
                    return true;
                }
                Response answer = request.call();
                if (ok.contains(answer.statusCode())) {
                    accepted.incrementAndGet();
                    return true;
                }
                last[0] = judged(what, answer);
            } catch (Exception unreachable) {
                // refused or cut off: try again below
                last[0] = unreachable.toString();
            }
            failedBefore[0] = true;
            retried.incrementAndGet();
            return false;
        });
    }

    /** Waits for a move; if it never succeeds, the failure says what the platform answered last. */
    private static void awaitMove(String what, String[] last, Callable<Boolean> done) {
        try {
            await(what).atMost(MOVE_TIMEOUT).pollInterval(POLL).pollDelay(Duration.ZERO).until(done);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(what + " did not succeed within " + MOVE_TIMEOUT.toMinutes()
                    + " min; last answer: " + last[0], e);
        }
    }

    /**
     * Remembers a server error that is not "unavailable, retry later" (SPEC §7: a dependency that is down
     * gives 503 with Retry-After, never a 500); returns the answer, briefly.
     */
    private String judged(String what, Response answer) {
        String body = answer.asString();
        String brief = answer.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        if (answer.statusCode() >= 500 && answer.statusCode() != 503) {
            serverErrors.add(what + ": " + brief);
        }
        return brief;
    }

    /** The submitting partner's officer: the only one who sees a DRAFT (anyone else gets 404). */
    private RequestSpecification asOwner() {
        return as("gb-officer");
    }

    private RequestSpecification as(String user) {
        return given().config(CONFIG).auth().oauth2(tokens.of(user));
    }

    private String projects(String path) {
        return anyInstanceOf(ProcessPlatform.PROJECTS) + path;
    }

    private String partners(String path) {
        return anyInstanceOf(ProcessPlatform.PARTNERS) + path;
    }

    private String reviews(String path) {
        return anyInstanceOf(ProcessPlatform.REVIEWS) + path;
    }

    /** Each try goes to one of the service's instances in service, as behind a load balancer. */
    private String anyInstanceOf(String service) {
        List<String> serving = platform.instancesOf(service).stream().filter(i -> !retired.contains(i)).toList();
        return platform.url(serving.get(ThreadLocalRandom.current().nextInt(serving.size())));
    }

    static {
        RestAssured.config = CONFIG;
    }
}
