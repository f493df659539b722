package org.msp.notification.api;

import org.msp.events.EventType;
import org.msp.notification.domain.TimelineEntry;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the timeline as an Atom 1.0 (RFC 4287) feed: the current document or one of its archive
 * documents (RFC 5005 archived feeds).
 */
final class AtomFeed {
    static final String NS = "http://www.w3.org/2005/Atom";
    /** RFC 5005 feed history: {@code fh:archive} marks an archive document. */
    static final String HISTORY_NS = "http://purl.org/syndication/history/1.0";
    static final String MEDIA_TYPE = "application/atom+xml";
    /** Tag URIs (RFC 4151) under the project's domain; the date only scopes the name, it never changes. */
    static final String TAG = "tag:msp-pipeline.org,2026:";

    private AtomFeed() {
    }

    /** A link of the feed document: {@code self}, {@code current}, {@code prev-archive}, {@code next-archive}. */
    record Link(String rel, String href) {
    }

    /**
     * {@code filterKey} is the canonical filter (empty for the whole timeline): part of the feed's id,
     * which an archive document shares with the current one. {@code updated} is used when there is no
     * entry, so an empty document's bytes (and ETag) stay the same.
     */
    static String write(List<TimelineEntry> entries, List<Link> links, boolean archive, OffsetDateTime emptyUpdated,
            String filterKey, Function<String, String> projectUrl) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "feed");
            xml.writeDefaultNamespace(NS);
            if (archive) {
                xml.writeNamespace("fh", HISTORY_NS);
            }
            text(xml, "id", TAG + "timeline" + (filterKey.isEmpty() ? "" : "?" + filterKey));
            text(xml, "title", "MSP pipeline: project timeline");
            text(xml, "subtitle", "Every step of critical-minerals projects in the Minerals Security Partnership pipeline");
            OffsetDateTime updated = entries.stream().map(e -> e.occurredAt).max(OffsetDateTime::compareTo)
                    .orElse(emptyUpdated);
            text(xml, "updated", time(updated));
            for (Link link : links) {
                link(xml, link.rel(), link.href(), MEDIA_TYPE);
            }
            if (archive) {
                xml.writeEmptyElement("fh", "archive", HISTORY_NS);
            }
            xml.writeStartElement(NS, "author");
            text(xml, "name", "MSP pipeline platform");
            xml.writeEndElement();
            text(xml, "generator", "msp notification-service");
            for (TimelineEntry entry : entries) {
                xml.writeStartElement(NS, "entry");
                text(xml, "id", entryId(entry.eventId));
                text(xml, "title", entry.summary);
                text(xml, "updated", time(entry.occurredAt));
                text(xml, "published", time(entry.occurredAt));
                link(xml, "alternate", projectUrl.apply(entry.projectId), null);
                xml.writeEmptyElement(NS, "category");
                attribute(xml, "term", entry.eventType);
                attribute(xml, "label", EventType.of(entry.eventType).map(Enum::name).orElse(entry.eventType));
                text(xml, "summary", summary(entry));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
    }

    /** Stable for ever: derived from the event id alone. */
    static String entryId(String eventId) {
        try {
            UUID uuid = UUID.fromString(eventId);
            if (uuid.toString().equalsIgnoreCase(eventId)) {
                return "urn:uuid:" + uuid;
            }
        } catch (IllegalArgumentException notUuid) {
            // fall through to a tag URI
        }
        return TAG + "event:" + URLEncoder.encode(eventId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String summary(TimelineEntry entry) {
        StringBuilder text = new StringBuilder(entry.summary);
        if (!entry.countries().isEmpty()) {
            text.append(". Countries: ").append(String.join(", ", entry.countries()));
        }
        if (!entry.minerals().isEmpty()) {
            text.append(". Minerals: ").append(String.join(", ", entry.minerals()));
        }
        return text.append('.').toString();
    }

    private static String time(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(NS, element);
        xml.writeCharacters(legal(value));
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, legal(value));
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(NS, "link");
        attribute(xml, "rel", rel);
        if (type != null) {
            attribute(xml, "type", type);
        }
        attribute(xml, "href", href);
    }

    /**
     * {@code text} without the characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, lone
     * surrogates): events may carry them, the writer passes them through, and one would make the whole
     * feed unparseable.
     */
    static String legal(String text) {
        if (text.codePoints().allMatch(AtomFeed::isXmlChar)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(AtomFeed::isXmlChar).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }
}
