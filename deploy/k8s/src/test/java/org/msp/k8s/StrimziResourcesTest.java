package org.msp.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;
import org.msp.infra.LocalBrokerPlan;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka on Strimzi, read by Strimzi's own model (io.strimzi:api, the classes its CRDs are generated from), and
 * held to the local broker's plan: the same topics and partitions, the same ACLs per user (KafkaGrants).
 */
class StrimziResourcesTest {
    private static final ObjectMapper STRICT = Manifests.YAML.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<?>> MODEL = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    @Test
    void everyStrimziResourceIsKnownToStrimzisModel() throws Exception {
        List<JsonNode> strimzi = Manifests.objects().stream()
                .filter(doc -> doc.path("apiVersion").asText().startsWith("kafka.strimzi.io/")).toList();
        assertTrue(strimzi.size() >= 14, "expected Kafka, a node pool, 7 topics and 5 users: " + strimzi.size());
        for (JsonNode doc : strimzi) {
            String what = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
            assertEquals("kafka.strimzi.io/v1", doc.path("apiVersion").asText(), what);
            Class<?> type = MODEL.get(doc.path("kind").asText());
            assertTrue(type != null, what + " is not a kind this test knows");
            Object model = STRICT.treeToValue(doc, type);
            assertEquals(List.of(), UnknownFields.of(model), what + " has fields Strimzi's model does not know");
        }
    }

    @Test
    void threeKraftNodesReplicateEveryWriteTwice() {
        JsonNode pool = Manifests.ofKind("KafkaNodePool").get(0);
        assertEquals(3, pool.path("spec").path("replicas").asInt());
        assertEquals(Set.of("controller", "broker"), strings(pool.path("spec").path("roles")));
        assertEquals("msp-kafka", pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());

        JsonNode config = Manifests.named("Kafka", "msp-kafka").path("spec").path("kafka").path("config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertEquals(3, config.path("offsets.topic.replication.factor").asInt());
        assertEquals(false, config.path("auto.create.topics.enable").asBoolean(true));
    }

    @Test
    void theListenerTakesTheLoginTheServicesSend() {
        JsonNode kafka = Manifests.named("Kafka", "msp-kafka").path("spec").path("kafka");
        JsonNode listener = kafka.path("listeners").get(0);
        assertEquals(1, kafka.path("listeners").size(), "one listener, with logins: no anonymous way in");
        assertEquals("scram-sha-512", listener.path("authentication").path("type").asText());
        assertEquals("simple", kafka.path("authorization").path("type").asText());
        assertEquals(Set.of(LocalBrokerPlan.admin()), strings(kafka.path("authorization").path("superUsers")));
        for (String service : Manifests.SERVICES) {
            assertEquals("msp-kafka-kafka-bootstrap:" + listener.path("port").asInt(),
                    ServiceEnvironmentTest.value(service, "KAFKA_BOOTSTRAP_SERVERS"), service);
            assertEquals(listener.path("tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT",
                    ServiceEnvironmentTest.value(service, "KAFKA_SECURITY_PROTOCOL"), service);
            assertEquals("SCRAM-SHA-512", ServiceEnvironmentTest.value(service, "KAFKA_SASL_MECHANISM"), service);
            // the User Operator's Secret is named after the user
            assertEquals(service + "/sasl.jaas.config", ServiceEnvironmentTest.value(service, "KAFKA_SASL_JAAS_CONFIG"));
        }
    }

    @Test
    void theTopicsAreTheLocalBrokersAndTheServicesOwn() {
        Set<String> declared = new TreeSet<>();
        for (JsonNode topic : Manifests.ofKind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            String name = spec.path("topicName").asText(topic.path("metadata").path("name").asText());
            declared.add(name);
            assertEquals(LocalBrokerPlan.partitions(), spec.path("partitions").asInt(), name);
            assertEquals(3, spec.path("replicas").asInt(), name);
            assertEquals(2, spec.path("config").path("min.insync.replicas").asInt(), name);
            assertTrue(spec.path("config").has("retention.ms"), name + ": its retention is a decision, write it");
        }
        assertEquals(new TreeSet<>(LocalBrokerPlan.topics()), declared);
        assertEquals(topicsNamedByTheServices(), declared, "the topics in the services' application.properties");
    }

    @Test
    void eachUsersAclsAreTheLocalBrokersAcls() {
        Set<LocalBrokerPlan.Grant> declared = new HashSet<>();
        Set<String> users = new TreeSet<>();
        for (JsonNode user : Manifests.ofKind("KafkaUser")) {
            String name = user.path("metadata").path("name").asText();
            users.add(name);
            assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText(), name);
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                assertEquals("allow", acl.path("type").asText("allow"), name);
                for (JsonNode operation : acl.path("operations")) {
                    declared.add(new LocalBrokerPlan.Grant("User:" + name,
                            acl.path("resource").path("type").asText().toUpperCase(),
                            acl.path("resource").path("name").asText(),
                            acl.path("resource").path("patternType").asText("literal").toUpperCase(),
                            operation.asText().toUpperCase(), acl.path("host").asText("*")));
                }
            }
        }
        Set<String> expectedUsers = new TreeSet<>(LocalBrokerPlan.services());
        expectedUsers.add(LocalBrokerPlan.admin());
        assertEquals(expectedUsers, users);
        assertEquals(LocalBrokerPlan.grants(), declared);
    }

    @Test
    void consumersNeverScaleBeyondThePartitions() {
        // a pod beyond the partition count would only wait, idle, for a rebalance
        for (String service : Manifests.SERVICES) {
            int max = Manifests.named("HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt();
            assertTrue(max <= LocalBrokerPlan.partitions(), service + " scales to " + max);
        }
    }

    private static Set<String> topicsNamedByTheServices() {
        Pattern topic = Pattern.compile("(?m)^mp\\.messaging\\.[a-z.-]+?(?:dead-letter-queue\\.)?topic=(\\S+)$");
        Set<String> topics = new TreeSet<>();
        for (String service : Manifests.SERVICES) {
            Matcher matcher = topic.matcher(Manifests.read(Manifests.root().resolve(service)
                    .resolve("src/main/resources/application.properties")));
            while (matcher.find()) {
                topics.add(matcher.group(1));
            }
        }
        return topics;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
