package org.msp.events;

import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of an event. Every event carries the project facts a reader needs to title it and
 * match it to a subscription, so that no consumer depends on which topic it happened to read first.
 */
public interface EventData {
    /** Longest project title (project-service's own limit). */
    int TITLE = 200;
    /** Longest free text carried in an event (a withdrawal reason, a note, a comment). */
    int TEXT = 4000;
    /** Longest identifier of a person or system (a token subject, an actor). */
    int ACTOR = 200;
    /** A BCP 47 language tag as far as the platform needs one: language, optional script or region (en, pt-BR). */
    String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}";
    /** Most minerals a project names. */
    int MINERALS = 10;

    /** The project the event is about; the CloudEvents {@code subject} and the Kafka key. */
    UUID projectId();

    String title();

    String hostCountry();

    String submittingPartner();

    List<Mineral> minerals();
}
