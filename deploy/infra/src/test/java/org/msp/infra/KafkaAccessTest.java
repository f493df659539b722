package org.msp.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No one but the owner writes a topic: a secured broker holds every service's user to its own topics,
 * refuses clients without a login, and keeps its generated passwords private to its data folder.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KafkaAccessTest {

    @Test
    void eachServiceIsGrantedExactlyTheTopicsAndGroupItsConfigurationUses() throws IOException {
        Path root = repositoryRoot();
        for (KafkaAccess.ServiceGrant grant : KafkaAccess.SERVICES) {
            Properties config = new Properties();
            try (Reader in = Files.newBufferedReader(root.resolve(grant.service())
                    .resolve("src/main/resources/application.properties"))) {
                config.load(in);
            }
            Set<String> publishes = new TreeSet<>();
            Set<String> consumes = new TreeSet<>();
            config.stringPropertyNames().forEach(key -> {
                if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                    publishes.add(config.getProperty(key));
                } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    consumes.add(config.getProperty(key));
                }
            });
            String service = grant.service();
            assertEquals(new TreeSet<>(grant.publishes()), publishes, service + " publishes");
            assertEquals(new TreeSet<>(grant.consumes()), consumes, service + " consumes");
            assertEquals(grant.group(), config.getProperty("mp.messaging.connector.smallrye-kafka.group.id"),
                    service + " consumer group");
            assertEquals(grant.deadLetterTopic(),
                    config.getProperty("mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic"),
                    service + " dead-letter topic");
        }
    }

    @Test
    void aSecuredBrokerHoldsEveryServiceToItsOwnTopicsAndGroup(@TempDir Path work) throws Exception {
        Path dataDir = work.resolve("kafka");
        KafkaBroker broker = KafkaBroker.startSecured(dataDir, Ports.freePort(), Ports.freePort(), true);
        try {
            for (KafkaAccess.ServiceGrant grant : KafkaAccess.SERVICES) {
                for (String topic : grant.writes()) {
                    // idempotent and acks=all, as the services' outbox relays and dead-letter producers send
                    assertTrue(send(broker.clientConfig(grant.service()), topic).hasOffset(),
                            grant.service() + " writes " + topic);
                }
                for (String topic : KafkaAccess.topics()) {
                    if (!grant.writes().contains(topic)) {
                        Throwable refused = assertThrows(ExecutionException.class,
                                () -> send(broker.clientConfig(grant.service()), topic), grant.service() + " writes " + topic)
                                .getCause();
                        assertInstanceOf(TopicAuthorizationException.class, refused, grant.service() + " writes " + topic);
                    }
                }
                assertTrue(readsInGroup(broker.clientConfig(grant.service()), grant.consumes(), grant.group()),
                        grant.service() + " reads " + grant.consumes());
            }

            // reading a topic it does not consume, or in another service's group, is refused too
            Map<String, Object> partners = broker.clientConfig("partner-service");
            assertThrows(TopicAuthorizationException.class,
                    () -> readsInGroup(partners, List.of("msp.esg-reviews"), "partner-service"));
            assertThrows(GroupAuthorizationException.class,
                    () -> readsInGroup(partners, List.of("msp.projects"), "esg-review-service"));

            // no login at all: the broker answers nothing but the SASL handshake, the record never gets out
            Map<String, Object> anonymous = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers()));
            assertInstanceOf(TimeoutException.class,
                    assertThrows(ExecutionException.class, () -> send(anonymous, "msp.projects")).getCause());
            // a guessed password
            Map<String, Object> guessed = new HashMap<>(broker.clientConfig("project-service"));
            guessed.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"project-service\" password=\"project-service\";");
            assertInstanceOf(SaslAuthenticationException.class,
                    assertThrows(ExecutionException.class, () -> send(guessed, "msp.projects")).getCause());
        } finally {
            broker.stop();
        }

        for (Path secret : List.of(dataDir.resolve("credentials.properties"), dataDir.resolve("server.properties"),
                broker.clientConfigFile("admin"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)), secret.toString());
        }
        String password = broker.access().password("admin");
        assertFalse(Files.readString(dataDir.resolve("broker.log")).contains(password), "the broker logs no password");
        assertFalse(Files.exists(dataDir.resolve("format.args")), "the format tool's argument file is gone");

        // started again on the same folder: the same passwords, and what was granted still holds
        KafkaBroker again = KafkaBroker.startSecured(dataDir, broker.port(), broker.controllerPort(), true);
        try {
            assertEquals(password, again.access().password("admin"));
            assertTrue(send(again.clientConfig("esg-review-service"), "msp.esg-reviews").hasOffset());
            assertInstanceOf(TopicAuthorizationException.class, assertThrows(ExecutionException.class,
                    () -> send(again.clientConfig("esg-review-service"), "msp.projects")).getCause());
        } finally {
            again.stop();
        }
    }

    @Test
    void aDataFolderFormattedWithoutUsersIsRefusedWithWhatToDo(@TempDir Path work) {
        Path dataDir = work.resolve("kafka");
        KafkaBroker plain = KafkaBroker.start(dataDir, Ports.freePort(), Ports.freePort(), true);
        plain.stop();

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> KafkaBroker.startSecured(dataDir, plain.port(), plain.controllerPort(), true));
        assertTrue(refused.getMessage().contains("deploy/local/down.sh --purge"), refused.getMessage());
        assertFalse(KafkaAccess.existsIn(dataDir), "no passwords were made up for users the folder does not have");
    }

    private static RecordMetadata send(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, "key", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    /** Joins {@code group} on {@code topics} and commits its position: what a service's consumer does. */
    private static boolean readsInGroup(Map<String, Object> client, List<String> topics, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(topics);
            for (int i = 0; i < 40 && consumer.assignment().isEmpty(); i++) {
                consumer.poll(Duration.ofMillis(250));
            }
            consumer.commitSync();
            return !consumer.assignment().isEmpty();
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("project-service")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
