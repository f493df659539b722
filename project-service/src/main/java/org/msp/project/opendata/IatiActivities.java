package org.msp.project.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import org.msp.events.project.DocumentType;
import org.msp.project.documents.ProjectDocument;
import org.msp.project.domain.ActionPlanItem;
import org.msp.project.domain.PartnerInterest;
import org.msp.project.domain.ProjectStatus;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.ValueChainStage;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;

/**
 * The platform's projects as IATI 2.03 activities (the International Aid Transparency Initiative's
 * standard, which the partners' own aid-transparency offices publish in), written with StAX one activity
 * at a time. Tests validate it against the official {@code iati-activities-schema.xsd}.
 */
@ApplicationScoped
public class IatiActivities {
    static final String VERSION = "2.03";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final OpenDataSettings settings;

    public IatiActivities(OpenDataSettings settings) {
        this.settings = settings;
    }

    public void write(PublicProjects projects, OffsetDateTime generated, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("iati-activities");
            xml.writeAttribute("version", VERSION);
            xml.writeAttribute("generated-datetime", Oc4ids.rfc3339(generated));
            projects.forEach(project -> {
                try {
                    activity(xml, project);
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void activity(XMLStreamWriter xml, PublicProjects.Project project) throws XMLStreamException {
        Proposal p = project.proposal();
        String reporter = settings.iatiReportingOrg();
        xml.writeStartElement("iati-activity");
        xml.writeAttribute("last-updated-datetime", Oc4ids.rfc3339(p.updatedAt()));
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
        xml.writeAttribute("default-currency", "USD");
        text(xml, "iati-identifier", reporter + "-" + p.id());

        xml.writeStartElement("reporting-org");
        xml.writeAttribute("ref", reporter);
        xml.writeAttribute("type", "40"); // multilateral: a partnership's secretariat
        narrative(xml, settings.publisherName());
        xml.writeEndElement();

        narrativeElement(xml, "title", p.title());
        xml.writeStartElement("description");
        xml.writeAttribute("type", "1"); // general
        narrative(xml, p.summary());
        xml.writeEndElement();

        participant(xml, "2", "10", "Government of " + p.hostCountry()); // accountable: the host government
        participant(xml, "4", "70", p.sponsor()); // implementing: the sponsor (private sector)
        for (PartnerInterest interest : project.interests()) {
            participant(xml, "1", "10", "Minerals Security Partnership partner " + interest.partner); // funding
        }

        empty(xml, "activity-status", "code", activityStatus(p.status()));
        // the platform knows no works dates: its submission stands as the planned start until one is stated
        xml.writeEmptyElement("activity-date");
        xml.writeAttribute("type", "1");
        xml.writeAttribute("iso-date", (p.submittedAt() != null ? p.submittedAt() : p.createdAt()).toLocalDate().toString());

        xml.writeEmptyElement("recipient-country");
        xml.writeAttribute("code", p.hostCountry());
        xml.writeAttribute("percentage", "100");
        xml.writeEmptyElement("sector");
        xml.writeAttribute("vocabulary", "1");
        xml.writeAttribute("code", dacSector(p.valueChainStage()));
        xml.writeAttribute("percentage", "100");

        for (ProjectDocument d : project.documents()) {
            xml.writeStartElement("document-link");
            xml.writeAttribute("format", d.mediaType);
            xml.writeAttribute("url", settings.publicBaseUrl() + "/api/v1/documents/" + d.id + "/content");
            narrativeElement(xml, "title", d.title);
            empty(xml, "category", "code", documentCategory(d.documentType));
            empty(xml, "language", "code", d.language.split("-")[0]);
            empty(xml, "document-date", "iso-date", d.publishedAt.toLocalDate().toString());
            xml.writeEndElement();
        }

        if (!project.actionPlan().isEmpty()) {
            xml.writeStartElement("conditions");
            xml.writeAttribute("attached", "1");
            for (ActionPlanItem item : project.actionPlan()) {
                xml.writeStartElement("condition");
                xml.writeAttribute("type", "2"); // performance
                narrative(xml, item.code + ": " + item.title + " (due " + item.dueDate + ", " + item.status + ")");
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** IATI ActivityStatus: 1 pipeline/identification, 2 implementation, 5 cancelled. */
    static String activityStatus(ProjectStatus status) {
        return switch (status) {
            case DRAFT, SUBMITTED, ESG_REVIEW, OPEN_FOR_SUPPORT, ENDORSED, PRIORITISED -> "1";
            case FINANCED -> "2";
            case ESG_REJECTED, WITHDRAWN -> "5";
        };
    }

    /**
     * The OECD DAC 5-digit purpose code of a value-chain stage: 32220 mineral prospection and exploration,
     * 32264 non-ferrous metals (mining), 32170 non-ferrous metal industries, which also holds recycling
     * (secondary production of the same metals).
     */
    static String dacSector(ValueChainStage stage) {
        return switch (stage) {
            case EXPLORATION -> "32220";
            case EXTRACTION -> "32264";
            case PROCESSING, RECYCLING -> "32170";
        };
    }

    /** IATI DocumentCategory of an OC4IDS document type. */
    static String documentCategory(DocumentType type) {
        return switch (type) {
            case contractSigned -> "A11";
            case financialAgreement -> "A09";
            case budgetApproval -> "A05";
            case physicalProgressReport, financialProgressReport -> "A08";
            case finalAudit -> "A07";
            default -> "A02";
        };
    }

    private static void participant(XMLStreamWriter xml, String role, String type, String name) throws XMLStreamException {
        xml.writeStartElement("participating-org");
        xml.writeAttribute("role", role);
        xml.writeAttribute("type", type);
        narrative(xml, name);
        xml.writeEndElement();
    }

    private static void narrativeElement(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        narrative(xml, text);
        xml.writeEndElement();
    }

    private static void narrative(XMLStreamWriter xml, String text) throws XMLStreamException {
        text(xml, "narrative", text);
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void empty(XMLStreamWriter xml, String element, String attribute, String value)
            throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute(attribute, value);
    }
}
