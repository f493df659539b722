import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MSP pipeline story against a running local platform (deploy/local/up.sh), told as its users
 * live it: a proposal goes from DRAFT to PRIORITISED, a second one is rejected by its ESG review.
 * Only public HTTP APIs and real Keycloak tokens. A single-file program: run by demo.sh with
 * {@code java Demo.java}, it needs nothing but a JDK 17+.
 */
@SuppressWarnings("unchecked")
public class Demo {
    static final String KEYCLOAK = env("MSP_KEYCLOAK_URL", "http://localhost:" + env("MSP_KEYCLOAK_PORT", "8180"));
    static final String PROJECTS = env("MSP_PROJECT_URL", "http://localhost:8081") + "/api/v1";
    static final String PARTNERS = env("MSP_PARTNER_URL", "http://localhost:8082") + "/api/v1";
    static final String REVIEWS = env("MSP_ESG_REVIEW_URL", "http://localhost:8083") + "/api/v1";
    static final String NOTIFICATIONS = env("MSP_NOTIFICATION_URL", "http://localhost:8084") + "/api/v1";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        System.out.println("MSP pipeline demo: one project from proposal to financing priority, one rejected.\n");

        // --- a partner government proposes
        step("gb-officer (United Kingdom) drafts a proposal for a recycling project hosted in Zambia");
        Map<String, Object> project = call("POST", PROJECTS + "/projects", "gb-officer",
                proposal("Copperbelt tailings cobalt recovery", "ZM"), 201);
        String projectId = str(project, "id");
        said("project " + projectId + " is " + str(project, "status") + " (submitting partner " + str(project, "submittingPartner") + ")");
        step("gb-officer submits it");
        said("status " + str(call("POST", PROJECTS + "/projects/" + projectId + "/submit", "gb-officer", null, 200), "status"));

        // --- the independent ESG review
        String reviewId = awaitReview(projectId);
        said("esg-review-service opened review " + reviewId + " by itself (checklist MSP-ESG-DD)");
        said("status " + awaitStatus(projectId, Set.of("ESG_REVIEW")));
        step("zm-reviewer (Zambia) tries to claim the review");
        refused(send("POST", REVIEWS + "/reviews/" + reviewId + "/assignment", "zm-reviewer", null));
        step("jp-reviewer (Japan) claims it");
        said("review " + str(call("POST", REVIEWS + "/reviews/" + reviewId + "/assignment", "jp-reviewer", null, 200), "status")
                + " to jp-reviewer");
        String condition = rateAll(reviewId, "PARTIAL", "Publish the final ESIA before first disbursement", false);
        step("jp-reviewer completes the review (risk category B)");
        Map<String, Object> review = call("POST", REVIEWS + "/reviews/" + reviewId + "/complete", "jp-reviewer",
                Map.of("riskCategory", "B"), 200);
        said("outcome " + str(review, "outcome") + ", ESG score " + str(review, "score") + ", condition on " + condition);
        said("status " + awaitStatus(projectId, Set.of("OPEN_FOR_SUPPORT")));

        // --- partners support it
        awaitSupportOpen(projectId);
        step("zm-officer (Zambia) tries to endorse it as the United States");
        refused(send("PUT", PARTNERS + "/projects/" + projectId + "/endorsement", "zm-officer", Map.of("partner", "US")));
        support(projectId, "us-officer", "LOAN", 20_000_000);
        support(projectId, "eu-officer", "GRANT", 5_000_000);
        said("status " + awaitStatus(projectId, Set.of("ENDORSED")) + " (quorum of 2 partners reached)");

        // --- a second project fails a critical item
        System.out.println();
        step("gb-officer submits a second proposal, hosted in the DR Congo");
        String rejectedId = str(call("POST", PROJECTS + "/projects", "gb-officer",
                proposal("Kolwezi artisanal cobalt processing", "CD"), 201), "id");
        call("POST", PROJECTS + "/projects/" + rejectedId + "/submit", "gb-officer", null, 200);
        String rejectedReview = awaitReview(rejectedId);
        call("POST", REVIEWS + "/reviews/" + rejectedReview + "/assignment", "jp-reviewer", null, 200);
        said("jp-reviewer claims its review");
        String failed = rateAll(rejectedReview, "DOES_NOT_MEET", "Children found working on the site", true);
        Map<String, Object> rejection = call("POST", REVIEWS + "/reviews/" + rejectedReview + "/complete", "jp-reviewer",
                Map.of("riskCategory", "A"), 200);
        said("jp-reviewer completes it: outcome " + str(rejection, "outcome") + " (critical item " + failed + " not met)");
        said("status " + awaitStatus(rejectedId, Set.of("ESG_REJECTED")));
        awaitSupportStatus(rejectedId, "ESG_REJECTED");
        step("us-officer tries to express interest in the rejected project");
        refused(send("POST", PARTNERS + "/projects/" + rejectedId + "/interests", "us-officer",
                Map.of("instrument", "EQUITY", "indicativeAmountUsd", 1_000_000, "note", "demo")));

        // --- what civil society sees
        System.out.println();
        step("civil society reads the public timeline of the first project (GET /timeline, also /feed.atom)");
        awaitTimeline(projectId, 11);
        for (Object entry : reverse(timeline(projectId))) {
            said(str((Map<String, Object>) entry, "summary"));
        }

        // --- the secretariat prioritises
        System.out.println();
        step("secretariat runs a prioritisation round over every ENDORSED project");
        Map<String, Object> round = call("POST", PROJECTS + "/prioritisation/rounds", "secretariat", null, 201);
        Map<String, Object> ours = null;
        for (Object ranked : list(round, "ranking")) {
            if (projectId.equals(str((Map<String, Object>) ranked, "projectId"))) {
                ours = (Map<String, Object>) ranked;
            }
        }
        if (ours == null) {
            throw new IllegalStateException("the round did not rank " + projectId);
        }
        for (Object component : list(ours, "breakdown")) {
            Map<String, Object> c = (Map<String, Object>) component;
            said(String.format("%-16s %6s points  %s", str(c, "name"), str(c, "points"), str(c, "explanation")));
        }
        Map<String, Object> finalState = get(PROJECTS + "/projects/" + projectId);
        Map<String, Object> priority = (Map<String, Object>) finalState.get("priority");
        System.out.printf("%n\"%s\" is %s: rank %s of %d in round %s, score %s / 100.%n", str(finalState, "title"),
                str(finalState, "status"), str(priority, "rank"), list(round, "ranking").size(), str(priority, "roundId"),
                str(priority, "score"));
    }

    // --- the users' moves

    /** Rates every item of a review MEETS, except the first (critical or not) item, which gets {@code rating}. */
    static String rateAll(String reviewId, String rating, String comment, boolean critical) throws Exception {
        List<Object> items = list(call("GET", REVIEWS + "/reviews/" + reviewId, "jp-reviewer", null, 200), "items");
        String special = null;
        for (Object item : items) {
            Map<String, Object> i = (Map<String, Object>) item;
            String code = str(i, "code");
            boolean chosen = special == null && Boolean.valueOf(critical).equals(i.get("critical"));
            Map<String, Object> body = chosen ? Map.of("rating", rating, "comment", comment)
                    : Map.of("rating", "MEETS", "evidence", "checked on site");
            call("PUT", REVIEWS + "/reviews/" + reviewId + "/items/" + code, "jp-reviewer", body, 200);
            if (chosen) {
                special = code;
            }
        }
        said("jp-reviewer rates all " + items.size() + " checklist items: MEETS, except " + special + " " + rating
                + " (\"" + comment + "\")");
        return special;
    }

    static void support(String projectId, String user, String instrument, long amountUsd) throws Exception {
        step(user + " expresses interest (" + instrument + ", " + String.format("%,d", amountUsd) + " USD) and endorses");
        call("POST", PARTNERS + "/projects/" + projectId + "/interests", user,
                Map.of("instrument", instrument, "indicativeAmountUsd", amountUsd, "note", "subject to board approval"), 201);
        Map<String, Object> endorsement = call("PUT", PARTNERS + "/projects/" + projectId + "/endorsement", user, null, 201);
        said("endorsement by " + str(endorsement, "partner") + " is standing");
    }

    static Map<String, Object> proposal(String title, String hostCountry) {
        return Map.of("title", title, "summary", "Recovers critical minerals from legacy mine tailings",
                "hostCountry", hostCountry, "minerals", List.of("COBALT", "COPPER"), "valueChainStage", "PROCESSING",
                "sponsor", title.split(" ")[0] + " Metals", "requestedFinancingUsd", 45_000_000,
                "disclosure", Map.of("feasibilityStudyPublic", true, "agreementPublic", true,
                        "communityConsultationHeld", true));
    }

    // --- waiting for events to travel through Kafka

    static String awaitReview(String projectId) throws Exception {
        return until("a review of " + projectId, () -> {
            List<Object> items = list(get(REVIEWS + "/reviews?projectId=" + projectId), "items");
            return items.isEmpty() ? null : str((Map<String, Object>) items.get(0), "id");
        });
    }

    static String awaitStatus(String projectId, Set<String> wanted) throws Exception {
        return until("project " + projectId + " in " + wanted, () -> {
            String status = str(get(PROJECTS + "/projects/" + projectId), "status");
            return wanted.contains(status) ? status : null;
        });
    }

    static void awaitSupportOpen(String projectId) throws Exception {
        awaitSupportStatus(projectId, "OPEN_FOR_SUPPORT");
    }

    static void awaitSupportStatus(String projectId, String status) throws Exception {
        until("partner-service to see " + projectId + " " + status, () ->
                status.equals(str(get(PARTNERS + "/projects/" + projectId + "/interests"), "status")) ? status : null);
    }

    static void awaitTimeline(String projectId, int entries) throws Exception {
        until("the public timeline of " + projectId, () ->
                timeline(projectId).size() >= entries ? "" : null);
    }

    /** The project's public timeline, newest first. */
    static List<Object> timeline(String projectId) throws Exception {
        HttpResponse<String> response = send("GET", NOTIFICATIONS + "/timeline?limit=50&projectIds=" + projectId, null, null);
        if (response.statusCode() != 200) {
            throw new HttpError("GET /timeline answered " + response.statusCode() + ": " + response.body());
        }
        return (List<Object>) Json.parse(response.body());
    }

    interface Probe {
        String value() throws Exception;
    }

    /** Polls until the probe gives a value; the platform is eventually consistent across services. */
    static String until(String what, Probe probe) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            String value;
            try {
                value = probe.value();
            } catch (HttpError e) {
                value = null; // e.g. 404 while the event is still on its way
            }
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("waited 60 s for " + what);
            }
            Thread.sleep(250);
        }
    }

    // --- printing

    static void step(String text) {
        System.out.println("> " + text);
    }

    static void said(String text) {
        System.out.println("    " + text);
    }

    static void refused(HttpResponse<String> response) {
        Object detail = response.body().isBlank() ? "" : Json.parse(response.body()) instanceof Map<?, ?> m ? m.get("detail") : "";
        said("refused: " + response.statusCode() + " " + (detail == null ? "" : detail));
        if (response.statusCode() < 400) {
            throw new IllegalStateException("expected a refusal, got " + response.statusCode());
        }
    }

    // --- HTTP and tokens

    static String token(String user) throws Exception {
        if (!TOKENS.containsKey(user)) {
            String form = "client_id=msp-cli&grant_type=password&username=" + enc(user) + "&password=" + enc(user + "-pw");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                            + "/realms/msp/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            TOKENS.put(user, str((Map<String, Object>) Json.parse(response.body()), "access_token"));
        }
        return TOKENS.get(user);
    }

    static Map<String, Object> get(String url) throws Exception {
        return call("GET", url, null, null, 200);
    }

    static Map<String, Object> call(String method, String url, String user, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, url, user, body);
        if (response.statusCode() != expected) {
            throw new HttpError(method + " " + url + (user == null ? "" : " as " + user) + " answered "
                    + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
        return (Map<String, Object>) Json.parse(response.body());
    }

    static HttpResponse<String> send(String method, String url, String user, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + url + " — is the platform up? (deploy/local/up.sh)", e);
        }
    }

    static class HttpError extends IllegalStateException {
        HttpError(String message) {
            super(message);
        }
    }

    // --- a minimal JSON reader and writer (single-file program: JDK only)

    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("trailing JSON at " + json.at);
            }
            return value;
        }

        private Object value() {
            space();
            char c = text.charAt(at);
            switch (c) {
                case '{': {
                    Map<String, Object> map = new LinkedHashMap<>();
                    at++;
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    do {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        map.put(key, value());
                        space();
                    } while (text.charAt(at++) == ',');
                    return map;
                }
                case '[': {
                    List<Object> list = new ArrayList<>();
                    at++;
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    do {
                        list.add(value());
                        space();
                    } while (text.charAt(at++) == ',');
                    return list;
                }
                case '"':
                    return string();
                default:
                    if (text.startsWith("true", at)) { at += 4; return Boolean.TRUE; }
                    if (text.startsWith("false", at)) { at += 5; return Boolean.FALSE; }
                    if (text.startsWith("null", at)) { at += 4; return null; }
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    return new BigDecimal(text.substring(start, at));
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            for (char c; (c = text.charAt(at++)) != '"'; ) {
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n': out.append('\n'); break;
                        case 't': out.append('\t'); break;
                        case 'r': out.append('\r'); break;
                        case 'b': out.append('\b'); break;
                        case 'f': out.append('\f'); break;
                        case 'u': out.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
                        default: out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (at - 1));
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                StringBuilder out = new StringBuilder("\"");
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                return out.append('"').toString();
            }
            if (value instanceof Map<?, ?> map) {
                List<String> fields = new ArrayList<>();
                map.forEach((k, v) -> fields.add(write(k.toString()) + ":" + write(v)));
                return "{" + String.join(",", fields) + "}";
            }
            if (value instanceof List<?> list) {
                return "[" + String.join(",", list.stream().map(Json::write).toList()) + "]";
            }
            return value.toString(); // numbers and booleans
        }
    }

    static String str(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    static List<Object> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static List<Object> reverse(List<Object> list) {
        List<Object> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
