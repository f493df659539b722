package org.msp.notification.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.notification.PipelineEvents;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.notification.api.FeedAndStreamTest.child;
import static org.msp.notification.api.FeedAndStreamTest.children;
import static org.msp.notification.api.FeedAndStreamTest.parse;

/**
 * The public history replays from the first event (SPEC §10): the change feed pages by cursor, the
 * timeline pages back past 500 entries, the Atom archives walk back to the first entry, and the SSE
 * stream resumes from Last-Event-ID; each entry exactly once.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenDataFeedsTest {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String LICENSE = "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"";
    static final String HISTORY = "http://purl.org/syndication/history/1.0";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @TestHTTPResource("/")
    URL root;

    @Test
    void aClientPagesTheChangesToTheEndAndLaterGetsOnlyWhatIsNew() throws Exception {
        String start = changesToTheEnd("0", 1000).cursor();

        String project = UUID.randomUUID().toString();
        List<PipelineEvents.Sent> first = statusChanges(project, 5);
        send(project, first);
        Changes fed = await().atMost(PATIENCE).until(() -> changesToTheEnd(start, 2), c -> c.events().size() >= 5);
        assertEquals(first.stream().map(PipelineEvents.Sent::id).toList(), ids(fed.events()), "exactly the events fed");
        for (int i = 0; i < first.size(); i++) {
            assertEquals(JSON.readTree(first.get(i).json()), fed.events().get(i), "the CloudEvent as recorded");
        }

        // at the end: an empty page that hands back the same cursor, to ask again later
        Response end = given().queryParam("after", fed.cursor()).get("/api/v1/open-data/changes");
        end.then().statusCode(200);
        assertEquals(0, end.jsonPath().getList("changes").size());
        assertEquals(fed.cursor(), end.jsonPath().getString("next"));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", end.jsonPath().getString("license"));
        assertTrue(end.headers().getValues("Link").contains(LICENSE), end.headers().getValues("Link").toString());
        assertTrue(end.headers().getValues("Link").stream().anyMatch(l -> l.contains("after=" + fed.cursor())));

        List<PipelineEvents.Sent> later = statusChanges(project, 3);
        send(project, later);
        Changes resumed = await().atMost(PATIENCE).until(() -> changesToTheEnd(fed.cursor(), 100),
                c -> c.events().size() >= 3);
        assertEquals(later.stream().map(PipelineEvents.Sent::id).toList(), ids(resumed.events()), "only the new ones");

        given().queryParam("after", "not-a-cursor").get("/api/v1/open-data/changes")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theChangesAnswer304ToTheirETagAndAreGzippedForClientsThatAcceptIt() throws Exception {
        send(UUID.randomUUID().toString(), List.of(PipelineEvents.submitted(UUID.randomUUID().toString(),
                "Lobito corridor copper", "ZM", "US", "COPPER")));
        await().atMost(PATIENCE).until(() -> changesToTheEnd("0", 1000).events().size() > 0);
        for (String path : List.of("/api/v1/open-data/changes?after=0&limit=1", "/api/v1/timeline",
                "/api/v1/feed.atom")) {
            Response first = given().get(path);
            first.then().statusCode(200);
            String etag = first.header("ETag");
            assertNotNull(etag, path);
            assertTrue(first.headers().getValues("Link").contains(LICENSE), path);
            given().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
        // a full page below a cursor never changes: cacheable for good
        assertTrue(given().get("/api/v1/open-data/changes?after=0&limit=1").header("Cache-Control").contains("immutable"));

        HttpResponse<InputStream> gzipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        root.toURI().resolve("api/v1/open-data/changes?after=0&limit=5"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        try (InputStream body = new GZIPInputStream(gzipped.body())) {
            assertFalse(JSON.readTree(body).path("changes").isEmpty());
        }
    }

    @Test
    void theTimelinePagesBackPast500EntriesAndTheAtomArchivesWalkBackToTheFirstEntry() throws Exception {
        String project = UUID.randomUUID().toString();
        List<PipelineEvents.Sent> fed = statusChanges(project, 530);
        send(project, fed);
        List<String> fedIds = fed.stream().map(PipelineEvents.Sent::id).toList();
        List<String> newestFirst = new ArrayList<>(fedIds);
        java.util.Collections.reverse(newestFirst);

        List<String> timeline = await().atMost(PATIENCE).until(() -> timelineBack(project, 200),
                ids -> ids.size() >= fedIds.size());
        assertEquals(newestFirst, timeline, "every entry once, newest first, down to the very first");

        // the project's feed: the current document, then prev-archive down to the first entry
        List<String> walked = archiveWalk("/api/v1/feed.atom?projectIds=" + project);
        assertEquals(newestFirst, walked, "the archive walk meets every entry once");

        // the whole timeline the same way: every event ever recorded, once, down to the first
        List<String> everything = archiveWalk("/api/v1/feed.atom");
        List<String> history = new ArrayList<>(ids(changesToTheEnd("0", 1000).events()));
        java.util.Collections.reverse(history);
        assertEquals(history, everything, "the walk is the change feed's whole history, newest first");
        assertEquals(history.get(history.size() - 1), everything.get(everything.size() - 1), "the first event");
        assertEquals(everything.size(), new HashSet<>(everything).size(), "no entry twice");
    }

    @Test
    void anArchiveDocumentIsMarkedCachedAndLinkedBothWays() throws Exception {
        String project = UUID.randomUUID().toString();
        send(project, statusChanges(project, 45)); // two full archive pages of 20 and 5 current entries
        await().atMost(PATIENCE).until(() -> timelineBack(project, 500).size() >= 45);

        Element current = parse(given().get("/api/v1/feed.atom?projectIds=" + project).asByteArray())
                .getDocumentElement();
        assertEquals(5, children(current, "entry").size());
        assertEquals(0, current.getElementsByTagNameNS(HISTORY, "archive").getLength(), "current is no archive");
        String prev = link(current, "prev-archive");
        assertEquals("http://localhost:8084/api/v1/feed/archives/2?projectIds=" + project, prev);

        Response newest = given().get(path(prev));
        newest.then().statusCode(200);
        Element archive = parse(newest.asByteArray()).getDocumentElement();
        assertEquals(1, archive.getElementsByTagNameNS(HISTORY, "archive").getLength(), "fh:archive");
        assertEquals(20, children(archive, "entry").size());
        assertEquals(child(current, "id").getTextContent(), child(archive, "id").getTextContent(), "one feed");
        assertEquals("http://localhost:8084/api/v1/feed.atom?projectIds=" + project, link(archive, "current"));
        assertNull(link(archive, "next-archive"), "the newest archive has no next one yet");
        assertTrue(newest.headers().getValues("Link").contains(LICENSE));

        Response oldest = given().get(path(link(archive, "prev-archive")));
        Element first = parse(oldest.asByteArray()).getDocumentElement();
        assertEquals(prev, link(first, "next-archive"));
        assertNull(link(first, "prev-archive"), "the first archive document");
        assertTrue(oldest.header("Cache-Control").contains("immutable"), oldest.header("Cache-Control"));
        given().header("If-None-Match", oldest.header("ETag")).get(path(link(archive, "prev-archive")))
                .then().statusCode(304);

        given().get("/api/v1/feed/archives/3?projectIds=" + project).then().statusCode(404);
    }

    @Test
    void aStreamReaderResumesWithLastEventIdAndMissesNothing() throws Exception {
        String project = UUID.randomUUID().toString();
        List<PipelineEvents.Sent> events = statusChanges(project, 7);
        List<String> ids = events.stream().map(PipelineEvents.Sent::id).toList();

        SseReader live = new SseReader(root, project, null);
        String resumeAfter;
        try {
            await().atMost(PATIENCE).until(live::isReady);
            assertTrue(live.links().contains(LICENSE), "licence on the stream: " + live.links());
            send(project, events.subList(0, 3));
            await().atMost(PATIENCE).until(() -> live.eventIds().size() >= 3);
            assertEquals(ids.subList(0, 3), live.eventIds());
            resumeAfter = live.lastEventIds().get(0); // as if the connection broke after the first
        } finally {
            live.close();
        }

        send(project, events.subList(3, 6)); // recorded while nobody listens
        await().atMost(PATIENCE).until(() -> timelineBack(project, 100).size() >= 6);

        SseReader resumed = new SseReader(root, project, resumeAfter);
        try {
            await().atMost(PATIENCE).until(() -> resumed.eventIds().size() >= 5);
            send(project, events.subList(6, 7)); // and then live again
            await().atMost(PATIENCE).until(() -> resumed.eventIds().size() >= 6);
            assertEquals(ids.subList(1, 7), resumed.eventIds(), "everything after the last id, once, in order");
            List<Long> cursors = resumed.lastEventIds().stream().map(Long::valueOf).toList();
            assertEquals(cursors.stream().sorted().toList(), cursors, "ids rise");
        } finally {
            resumed.close();
        }
    }

    // --- helpers

    record Changes(String cursor, List<JsonNode> events) {
    }

    /** Follows the change feed's {@code Link: rel="next"} from {@code after} to the end (the first empty page). */
    static Changes changesToTheEnd(String after, int limit) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = after;
        while (true) {
            Response page = given().queryParam("after", cursor).queryParam("limit", limit)
                    .get("/api/v1/open-data/changes");
            page.then().statusCode(200);
            List<JsonNode> changes = page.jsonPath().<Object>getList("changes").stream()
                    .map(change -> JSON.valueToTree(change).path("event")).toList();
            if (changes.isEmpty()) {
                assertEquals(cursor, page.jsonPath().getString("next"));
                return new Changes(cursor, events);
            }
            events.addAll(changes);
            String next = nextLink(page);
            assertEquals(page.jsonPath().getString("nextUrl"), next);
            cursor = page.jsonPath().getString("next");
        }
    }

    /** The project's timeline, newest first, following {@code Link: rel="next"} back to the first entry. */
    static List<String> timelineBack(String project, int limit) {
        List<String> ids = new ArrayList<>();
        String url = "/api/v1/timeline?projectIds=" + project + "&limit=" + limit;
        while (url != null) {
            Response page = given().get(url);
            page.then().statusCode(200);
            ids.addAll(page.jsonPath().getList("eventId"));
            String next = nextLink(page);
            url = next == null ? null : path(next);
        }
        return ids;
    }

    /** Entry ids from the current document along prev-archive links to the first archive. */
    static List<String> archiveWalk(String current) throws Exception {
        List<String> ids = new ArrayList<>();
        String url = current;
        Set<String> seen = new HashSet<>();
        while (url != null) {
            assertTrue(seen.add(url), "a loop at " + url);
            Element feed = parse(given().get(url).then().statusCode(200).extract().asByteArray()).getDocumentElement();
            for (Element entry : children(feed, "entry")) {
                ids.add(child(entry, "id").getTextContent().substring("urn:uuid:".length()));
            }
            String prev = link(feed, "prev-archive");
            url = prev == null ? null : path(prev);
        }
        return ids;
    }

    static String link(Element feed, String rel) {
        return children(feed, "link").stream().filter(l -> rel.equals(l.getAttribute("rel")))
                .map(l -> l.getAttribute("href")).findFirst().orElse(null);
    }

    static String nextLink(Response page) {
        return page.headers().getValues("Link").stream().map(NEXT::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).findFirst().orElse(null);
    }

    /** The path and query of a link built on msp.public-base-url, to ask this test's server. */
    static String path(String publicUrl) {
        URI uri = URI.create(publicUrl);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("id").asText()).toList();
    }

    static List<PipelineEvents.Sent> statusChanges(String project, int count) {
        return IntStream.range(0, count).mapToObj(i -> PipelineEvents.statusChanged(project, "Kolwezi cobalt " + i,
                "CD", "US", "SUBMITTED", "ESG_REVIEW", "COBALT")).toList();
    }

    /** One project's events on one partition, so they are recorded in the order sent. */
    static void send(String project, List<PipelineEvents.Sent> events) {
        for (int from = 0; from < events.size(); from += 200) {
            List<PipelineEvents.Sent> batch = events.subList(from, Math.min(events.size(), from + 200));
            KafkaTestClient.sendAll(batch.get(0).topic(), batch.get(0).projectId(),
                    batch.stream().map(PipelineEvents.Sent::json).toList());
        }
    }

    /** A Server-Sent Events client on the project's stream, optionally resuming with Last-Event-ID. */
    static final class SseReader implements AutoCloseable {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> response;
        private final List<Stream<String>> opened = new CopyOnWriteArrayList<>();

        SseReader(URL root, String project, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(root.toURI().resolve("api/v1/stream?projectIds=" + project))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> {
                HttpResponse<Stream<String>> answer = response.join();
                opened.add(answer.body());
                try {
                    answer.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the connection
                }
            }, "sse-resume-reader");
            reader.setDaemon(true);
            reader.start();
        }

        List<String> links() {
            return response.join().headers().allValues("Link");
        }

        boolean isReady() {
            return lines.stream().anyMatch(l -> l.matches("event: ?ready"));
        }

        List<String> lastEventIds() {
            return lines.stream().filter(l -> l.startsWith("id:")).map(l -> l.substring(3).strip()).toList();
        }

        List<String> eventIds() {
            return lines.stream().filter(l -> l.startsWith("data:") && l.contains("\"eventId\""))
                    .map(l -> {
                        try {
                            return JSON.readTree(l.substring(5).strip()).path("eventId").asText();
                        } catch (IOException e) {
                            throw new AssertionError(l, e);
                        }
                    }).toList();
        }

        @Override
        public void close() {
            opened.forEach(Stream::close);
            response.cancel(true);
        }
    }
}
