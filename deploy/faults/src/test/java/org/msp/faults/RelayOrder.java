package org.msp.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether every service's outbox reached Kafka in the order it was written, aggregate by aggregate (the record
 * key): the first copy of each event on its topic must come in outbox order. A resend after a crash may repeat an
 * event later on; a relay taken over by another instance must never publish an event before one written earlier.
 */
final class RelayOrder {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code events} sent rows compared over {@code aggregates} keys; what came out of order. */
    record Audit(int events, int aggregates, List<String> problems) {
    }

    private RelayOrder() {
    }

    static Audit audit(Map<String, DataSource> databases, Map<String, Object> kafkaConfig) {
        // topic -> key -> event ids in outbox order
        Map<String, Map<String, List<String>>> written = new LinkedHashMap<>();
        int events = 0;
        for (Map.Entry<String, DataSource> service : databases.entrySet()) {
            try (Connection connection = service.getValue().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT topic, message_key, event_id FROM outbox_message"
                         + " WHERE sent_at IS NOT NULL ORDER BY seq")) {
                while (rows.next()) {
                    written.computeIfAbsent(rows.getString(1), t -> new LinkedHashMap<>())
                            .computeIfAbsent(rows.getString(2), k -> new ArrayList<>()).add(rows.getString(3));
                    events++;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the outbox of " + service.getKey(), e);
            }
        }
        Map<String, Map<String, List<String>>> published = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : TopicReader.readToEnd(kafkaConfig, List.copyOf(written.keySet()))) {
            List<String> expected = written.get(record.topic()).get(record.key());
            String id = eventId(record.value());
            // poison and replayed dead letters are no outbox rows; a resend is judged by its first copy
            if (expected != null && id != null && expected.contains(id) && seen.add(record.topic() + " " + id)) {
                published.computeIfAbsent(record.topic(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(record.key(), k -> new ArrayList<>()).add(id);
            }
        }
        List<String> problems = new ArrayList<>();
        int aggregates = 0;
        for (Map.Entry<String, Map<String, List<String>>> topic : written.entrySet()) {
            for (Map.Entry<String, List<String>> key : topic.getValue().entrySet()) {
                aggregates++;
                List<String> got = published.getOrDefault(topic.getKey(), Map.of()).getOrDefault(key.getKey(), List.of());
                if (!got.equals(key.getValue())) {
                    problems.add(topic.getKey() + " " + key.getKey() + ": written " + key.getValue() + ", published "
                            + got);
                }
            }
        }
        return new Audit(events, aggregates, problems);
    }

    /** The CloudEvent's id (structured mode), or null for a record that is not one. */
    private static String eventId(String value) {
        try {
            JsonNode event = JSON.readTree(value);
            return event != null && event.path("id").isTextual() ? event.path("id").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
