package org.msp.notification.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.notification.PipelineEvents;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public timeline as an Atom feed (parsed with a real XML parser) and as a live SSE stream. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedAndStreamTest {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final Duration PATIENCE = Duration.ofSeconds(45);

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Test
    void theAtomFeedCarriesOneReadableEntryPerEventLinkedToTheProject() throws Exception {
        String project = UUID.randomUUID().toString();
        PipelineEvents.Sent submitted = PipelineEvents.submitted(project, "Kabwe zinc-lead recycling", "ZM", "GB",
                "COPPER", "COBALT").send();
        // the two events travel on different topics, so only waiting fixes their order on the timeline
        await().atMost(PATIENCE).until(() -> given().queryParam("projectIds", project)
                .when().get("/api/v1/timeline").then().statusCode(200).extract().jsonPath().getList("$").size() == 1);
        PipelineEvents.Sent completed = PipelineEvents.reviewCompleted(submitted.facts(), "CLEARED_WITH_CONDITIONS").send();
        await().atMost(PATIENCE).until(() -> given().queryParam("projectIds", project)
                .when().get("/api/v1/timeline").then().statusCode(200).extract().jsonPath().getList("$").size() == 2);

        byte[] xml = given().queryParam("projectIds", project)
                .when().get("/api/v1/feed.atom")
                .then().statusCode(200).contentType(containsString("application/atom+xml"))
                .extract().asByteArray();
        Element root = parse(xml).getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertTrue(child(root, "id").getTextContent().startsWith("tag:msp-pipeline.org,2026:timeline?projectIds="));
        assertFalse(child(root, "title").getTextContent().isBlank());
        OffsetDateTime.parse(child(root, "updated").getTextContent());
        Element self = children(root, "link").stream().filter(l -> "self".equals(l.getAttribute("rel")))
                .findFirst().orElseThrow();
        assertEquals("http://localhost:8084/api/v1/feed.atom?projectIds=" + project, self.getAttribute("href"));
        assertNotNull(child(child(root, "author"), "name"));

        List<Element> entries = children(root, "entry");
        assertEquals(2, entries.size());
        Element newest = entries.get(0);
        assertEquals("urn:uuid:" + completed.id(), child(newest, "id").getTextContent());
        assertEquals("Kabwe zinc-lead recycling: ESG review completed — cleared with conditions",
                child(newest, "title").getTextContent());
        assertEquals("http://localhost:8081/api/v1/projects/" + project,
                child(newest, "link").getAttribute("href"));
        OffsetDateTime.parse(child(newest, "updated").getTextContent());
        assertEquals("urn:uuid:" + submitted.id(), child(entries.get(1), "id").getTextContent());
        assertEquals("Kabwe zinc-lead recycling: proposal submitted by GB",
                child(entries.get(1), "title").getTextContent());

        // the same filters as subscriptions: this project's entries carry ZM and COBALT
        String filtered = given().queryParam("countries", "ZM").queryParam("minerals", "COBALT")
                .queryParam("eventTypes", "org.msp.esg.review-completed.v1")
                .when().get("/api/v1/feed.atom").then().statusCode(200).extract().asString();
        assertTrue(filtered.contains("urn:uuid:" + completed.id()));
        assertFalse(filtered.contains("urn:uuid:" + submitted.id()));
    }

    @Test
    void controlCharactersInAProjectTitleDoNotBreakTheFeed() throws Exception {
        String project = UUID.randomUUID().toString();
        // a valid event (only NUL is refused in text), whose title holds U+0001 and U+001F, which XML 1.0 forbids
        PipelineEvents.Sent submitted = PipelineEvents.submitted(project, "Salar\u0001 lithium\u001F extraction",
                "AR", "KR", "LITHIUM").send();
        await().atMost(PATIENCE).until(() -> given().queryParam("projectIds", project)
                .when().get("/api/v1/timeline").then().statusCode(200).extract().jsonPath().getList("$").size() == 1);

        byte[] xml = given().queryParam("projectIds", project)
                .when().get("/api/v1/feed.atom")
                .then().statusCode(200).extract().asByteArray();
        Element entry = child(parse(xml).getDocumentElement(), "entry");
        assertEquals("urn:uuid:" + submitted.id(), child(entry, "id").getTextContent());
        assertEquals("Salar lithium extraction: proposal submitted by KR", child(entry, "title").getTextContent());
    }

    @Test
    void feedFiltersAreValidatedLikeSubscriptionFilters() {
        given().queryParam("eventTypes", "org.msp.project.exploded.v1")
                .when().get("/api/v1/feed.atom")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("eventTypes[0]"));
        given().queryParam("countries", "ZM,zambia")
                .when().get("/api/v1/stream")
                .then().statusCode(400).body("errors.field", hasItem("countries[1]"));
    }

    @Test
    void theLiveStreamSendsMatchingEntriesRecordedAfterTheClientConnected() {
        String watched = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?projectIds=" + watched))
                .header("Accept", "text/event-stream").build();
        var response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        List<Stream<String>> opened = new ArrayList<>();
        Thread reader = new Thread(() -> {
            Stream<String> body = response.join().body();
            opened.add(body);
            body.forEach(lines::add);
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(l -> l.matches("event: ?ready")));

            PipelineEvents.Sent unrelated = PipelineEvents.submitted(other, "Other project", "NA", "DE", "LITHIUM")
                    .send();
            PipelineEvents.Sent wanted = PipelineEvents.submitted(watched, "Erongo rare earths", "NA", "DE",
                    "RARE_EARTHS").send();

            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(l -> l.contains(wanted.id())));
            String data = lines.stream().filter(l -> l.contains(wanted.id())).findFirst().orElseThrow();
            assertTrue(data.startsWith("data:"));
            assertTrue(data.contains("Erongo rare earths: proposal submitted by DE"));
            assertFalse(lines.stream().anyMatch(l -> l.contains(unrelated.id())), "other projects are filtered out");
            // an idle connection is kept open with comment lines
            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));
        } finally {
            opened.forEach(Stream::close);
            response.cancel(true);
        }
    }

    /** Parses as a feed reader would: namespace-aware, and failing on anything that is not well-formed XML. */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "exactly one atom:" + name + " in " + parent.getLocalName());
        return found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
