package org.msp.e2e;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** A feed reader's view of the Atom 1.0 feed: the entries, newest first, as parsed XML. */
final class AtomFeed {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    /** One entry: its event id (from the urn:uuid: id), its event type (category) and title. */
    record Entry(String eventId, String type, String title) {
    }

    private AtomFeed() {
    }

    static List<Entry> parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        if (!"feed".equals(feed.getDocumentElement().getLocalName())
                || !ATOM.equals(feed.getDocumentElement().getNamespaceURI())) {
            throw new AssertionError("not an Atom feed: " + feed.getDocumentElement().getTagName());
        }
        List<Entry> entries = new ArrayList<>();
        NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element entry = (Element) nodes.item(i);
            String id = child(entry, "id").getTextContent().trim();
            entries.add(new Entry(id.replaceFirst("^urn:uuid:", ""), child(entry, "category").getAttribute("term"),
                    child(entry, "title").getTextContent().trim()));
        }
        return entries;
    }

    private static Element child(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(ATOM, name);
        if (found.getLength() == 0) {
            throw new AssertionError("Atom entry without <" + name + ">");
        }
        return (Element) found.item(0);
    }
}
