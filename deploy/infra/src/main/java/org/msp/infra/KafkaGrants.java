package org.msp.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the platform's topics and the ACLs of {@link KafkaAccess} on a broker, as its operator: run
 * by {@link KafkaBroker} in a JVM of the broker's jars right after a secured broker's first start (and
 * whenever the plan changes). Both are idempotent. Returns once the broker itself serves both, so a
 * service started next is never refused for an ACL still on its way from the controller.
 *
 * <p>Topics are created here, with the partitions the broker's {@code num.partitions} gives, because the
 * services may not create topics. No service gets IDEMPOTENT_WRITE on the cluster: since Kafka 3.0
 * (KIP-679) WRITE on any topic allows an idempotent producer.
 */
public final class KafkaGrants {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);

    private KafkaGrants() {
    }

    /** Every ACL the plan gives: one line per (user, resource, operation), all ALLOW, from any host. */
    static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (KafkaAccess.ServiceGrant grant : KafkaAccess.SERVICES) {
            String principal = "User:" + grant.service();
            for (String topic : grant.writes()) {
                bindings.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.WRITE));
                bindings.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.DESCRIBE));
            }
            for (String topic : grant.consumes()) {
                bindings.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.READ));
            }
            bindings.add(allow(ResourceType.GROUP, grant.group(), principal, AclOperation.READ));
        }
        return bindings;
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** Creates what is missing and waits until the broker serves it all. */
    static void apply(Map<String, Object> adminConfig) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(adminConfig)) {
            List<NewTopic> topics = KafkaAccess.topics().stream()
                    .map(topic -> new NewTopic(topic, Optional.of(KafkaAccess.PARTITIONS), Optional.empty())).toList();
            admin.createTopics(topics).values().forEach((topic, created) -> {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create " + topic, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            admin.createAcls(bindings()).all().get();

            Instant deadline = Instant.now().plus(VISIBLE_WITHIN);
            while (true) {
                Set<String> served = admin.listTopics().names().get();
                Set<AclBinding> granted = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
                if (served.containsAll(KafkaAccess.topics()) && granted.containsAll(bindings())) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the broker does not serve every topic and ACL after "
                            + VISIBLE_WITHIN.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        }
    }

    /** {@code <bootstrap servers> <broker data folder>}: the operator's password is read from that folder. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: KafkaGrants <bootstrap servers> <broker data folder>");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        try {
            KafkaAccess access = KafkaAccess.load(dir).orElseThrow(() ->
                    new IllegalStateException("no " + KafkaAccess.CREDENTIALS_FILE + " in " + dir));
            Map<String, Object> config = new java.util.HashMap<>(access.clientConfig(KafkaAccess.ADMIN, args[0]));
            config.put("client.id", "msp-kafka-grants");
            apply(config);
            System.out.println("granted: " + KafkaAccess.topics().size() + " topics, " + bindings().size() + " ACLs");
            System.exit(0);
        } catch (Exception e) {
            System.err.println("could not grant the platform's topics and ACLs: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
