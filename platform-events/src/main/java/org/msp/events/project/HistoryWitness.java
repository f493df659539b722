package org.msp.events.project;

import org.msp.events.EventData;

/**
 * A project event that carries the head of the project's hash-chained history after the change it
 * announces, so that any copy of the event stream or feed witnesses the chain: deleting the newest
 * history entries afterwards cannot go unnoticed.
 */
public interface HistoryWitness extends EventData {
    /** Pattern of a SHA-256 hash in lower-case hex. */
    String SHA_256 = "[0-9a-f]{64}";

    /** The hash of the project's newest history entry once this change was recorded. */
    String historyHead();

    /** The same event, witnessing {@code head}. */
    HistoryWitness withHistoryHead(String head);
}
