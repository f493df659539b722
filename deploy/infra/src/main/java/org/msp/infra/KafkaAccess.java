package org.msp.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Who may do what on the platform's broker (issue 16, "no one but the owner writes a topic"). Checking an
 * event's {@code source} cannot stop a forger, so the broker itself decides: every service logs in with a
 * SCRAM user of its own that may write (and describe) only its own topic and its dead-letter topic, read
 * the topics it consumes, and read its consumer group (named after the service). The operator's user,
 * {@value #ADMIN}, is a super user, for tooling and tests. Anyone else, and anyone without credentials,
 * is refused.
 *
 * <p>The passwords are random, generated once per broker data folder and kept in it
 * ({@value #CREDENTIALS_FILE}, mode 0600), with a ready Kafka client configuration per user in
 * {@code clients/<user>.properties}. Each service receives its own password only, as environment
 * variables ({@link #environment}).
 *
 * <p>Free of Kafka types on purpose: the local run's launcher has no kafka-clients on its class path.
 * The topics and ACLs are created by {@link KafkaGrants}, in a JVM of the broker's own jars.
 */
public final class KafkaAccess {
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";
    /** The operator's user: a super user, for tooling (replay-dlq.sh, perf tools) and the test suites. */
    public static final String ADMIN = "admin";
    /**
     * The broker's own principal on its controller listener. SASL/PLAIN there, with the password in the
     * broker's configuration only: SCRAM users live in the metadata the controller itself serves.
     */
    static final String CONTROLLER = "controller";
    /** As the broker's {@code num.partitions}: three partitions so per-project ordering is meaningful. */
    static final int PARTITIONS = 3;
    static final String CREDENTIALS_FILE = "credentials.properties";
    private static final String GRANTS_FILE = "grants-applied.txt";

    /**
     * What one service may do. It writes the topics it {@code publishes} and its dead-letter topic, reads
     * the topics it {@code consumes}, and reads (joins, commits in) the consumer group named after it.
     * Each service's application.properties names the same topics and group (checked by KafkaAccessTest).
     */
    public record ServiceGrant(String service, List<String> publishes, List<String> consumes) {
        public ServiceGrant {
            publishes = List.copyOf(publishes);
            consumes = List.copyOf(consumes);
        }

        public String deadLetterTopic() {
            return "msp.dead-letter." + service;
        }

        /** Its own topics and its dead-letter topic: the only topics it may write. */
        public List<String> writes() {
            List<String> writes = new ArrayList<>(publishes);
            writes.add(deadLetterTopic());
            return writes;
        }

        /** The connector-level group.id of the service. */
        public String group() {
            return service;
        }
    }

    public static final List<ServiceGrant> SERVICES = List.of(
            new ServiceGrant("project-service", List.of("msp.projects"), List.of("msp.esg-reviews", "msp.partner-support")),
            new ServiceGrant("partner-service", List.of("msp.partner-support"), List.of("msp.projects")),
            new ServiceGrant("esg-review-service", List.of("msp.esg-reviews"), List.of("msp.projects")),
            // publishes nothing: its dead-letter topic is all it may write
            new ServiceGrant("notification-service", List.of(), List.of("msp.projects", "msp.partner-support",
                    "msp.esg-reviews")));

    private final Path dir;
    private final Map<String, String> passwords;

    private KafkaAccess(Path dir, Map<String, String> passwords) {
        this.dir = dir;
        this.passwords = Map.copyOf(passwords);
    }

    /** Whether {@code brokerDir} holds credentials (a broker started secured there at least once). */
    public static boolean existsIn(Path brokerDir) {
        return Files.exists(brokerDir.resolve(CREDENTIALS_FILE));
    }

    /** The credentials kept in {@code brokerDir}, if any. */
    public static Optional<KafkaAccess> load(Path brokerDir) {
        Path file = brokerDir.resolve(CREDENTIALS_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            stored.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : users()) {
            String password = stored.getProperty(user);
            if (password == null || password.isBlank()) {
                throw new IllegalStateException(file + " has no password for " + user
                        + "; delete " + brokerDir + " to start the broker afresh");
            }
            passwords.put(user, password);
        }
        return Optional.of(new KafkaAccess(brokerDir, passwords));
    }

    /** The credentials kept in {@code brokerDir}; generated (random) and kept there on first use. */
    public static KafkaAccess loadOrGenerate(Path brokerDir) {
        Optional<KafkaAccess> existing = load(brokerDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        SecureRandom random = new SecureRandom();
        StringBuilder file = new StringBuilder("# Kafka users of this broker data folder, generated once; keep private\n");
        for (String user : users()) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            // URL-safe Base64: no quote, comma, '=' or ']' to break the JAAS line or the format tool's syntax
            file.append(user).append('=').append(Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
                    .append('\n');
        }
        writePrivate(brokerDir.resolve(CREDENTIALS_FILE), file.toString());
        return load(brokerDir).orElseThrow();
    }

    /** Every user the broker knows: the operator, the controller principal and the four services. */
    static List<String> users() {
        List<String> users = new ArrayList<>(List.of(ADMIN, CONTROLLER));
        SERVICES.forEach(grant -> users.add(grant.service()));
        return users;
    }

    /** The SCRAM users (all but the controller's PLAIN login), added when the data folder is formatted. */
    List<String> scramUsers() {
        return users().stream().filter(user -> !user.equals(CONTROLLER)).toList();
    }

    /** Every topic of the platform, created before any service connects (the services may not create topics). */
    public static List<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        SERVICES.forEach(grant -> {
            topics.addAll(grant.writes());
            topics.addAll(grant.consumes());
        });
        return List.copyOf(topics);
    }

    public static ServiceGrant grantOf(String service) {
        return SERVICES.stream().filter(grant -> grant.service().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka user for " + service));
    }

    String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return password;
    }

    /** The client login of {@code user}: the value of {@code sasl.jaas.config}. */
    public String jaasConfig(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password(user) + "\";";
    }

    /** The broker's own PLAIN login on the controller listener, which also lists the one user it accepts. */
    String controllerJaasConfig() {
        String password = password(CONTROLLER);
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER
                + "\" password=\"" + password + "\" user_" + CONTROLLER + "=\"" + password + "\";";
    }

    /** The environment variables a service reads its Kafka login from (see its application.properties). */
    public Map<String, String> environment(String service) {
        grantOf(service);
        return Map.of("KAFKA_SECURITY_PROTOCOL", SECURITY_PROTOCOL,
                "KAFKA_SASL_MECHANISM", SASL_MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", jaasConfig(service));
    }

    /** Kafka client properties that log in as {@code user} on {@code bootstrapServers}. */
    public Map<String, Object> clientConfig(String user, String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", SECURITY_PROTOCOL);
        config.put("sasl.mechanism", SASL_MECHANISM);
        config.put("sasl.jaas.config", jaasConfig(user));
        return config;
    }

    /**
     * A properties file per SCRAM user for Kafka's command-line tools ({@code --producer.config},
     * {@code --consumer.config}, {@code --command-config}), written on every start so it names the port in use.
     */
    void writeClientConfigs(String bootstrapServers) {
        for (String user : scramUsers()) {
            StringBuilder file = new StringBuilder("# Kafka client settings of the user " + user
                    + " on this broker (generated at its start; keep private)\n");
            // written by hand, not Properties.store: it would escape every '=' of the JAAS line
            clientConfig(user, bootstrapServers).forEach((key, value) -> file.append(key).append('=').append(value)
                    .append('\n'));
            writePrivate(clientConfigFile(user), file.toString());
        }
    }

    public Path clientConfigFile(String user) {
        password(user);
        return dir.resolve("clients").resolve(user + ".properties");
    }

    public Path credentialsFile() {
        return dir.resolve(CREDENTIALS_FILE);
    }

    /** Whether the topics and ACLs of {@link #plan()} were created on this data folder's broker. */
    boolean grantsApplied() {
        try {
            Path file = dir.resolve(GRANTS_FILE);
            return Files.exists(file) && Files.readString(file).equals(plan());
        } catch (IOException e) {
            return false;
        }
    }

    void recordGrantsApplied() {
        writePrivate(dir.resolve(GRANTS_FILE), plan());
    }

    /** The topics and grants in words: applied again whenever they change (e.g. a new topic). */
    static String plan() {
        StringBuilder plan = new StringBuilder("topics (" + PARTITIONS + " partitions): " + topics() + "\n");
        SERVICES.forEach(grant -> plan.append(grant.service()).append(": writes ").append(grant.writes())
                .append(", reads ").append(grant.consumes()).append(", group ").append(grant.group()).append('\n'));
        return plan.toString();
    }

    /**
     * Writes {@code content} to a file only its owner can read or write (credentials, the broker's
     * configuration with its own logins): created with mode 0600 before anything is written to it.
     */
    static void writePrivate(Path file, String content) {
        try {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path written = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(written);
            Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, content);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The message for a data folder formatted before the broker required logins: it has no users. */
    static String formattedWithoutUsers(Path brokerDir) {
        return "the Kafka data folder " + brokerDir + " was formatted before the broker required SASL/SCRAM"
                + " logins, so it has no users to log in with (and " + CREDENTIALS_FILE + " is missing)."
                + " Start it afresh: for the local run, deploy/local/down.sh --purge (deletes the local state:"
                + " databases, topics, Keycloak data and logs; downloads are kept), then deploy/local/up.sh;"
                + " elsewhere, delete " + brokerDir + ".";
    }
}
