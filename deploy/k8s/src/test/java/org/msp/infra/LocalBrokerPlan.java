package org.msp.infra;

import org.apache.kafka.common.acl.AclBinding;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local broker's topics and ACLs as deploy/infra applies them (KafkaGrants, KafkaAccess), for the Strimzi
 * resources to be compared with. In this package because the plan is package-private in deploy/infra: read
 * from the same code, not copied, so the Kubernetes users cannot drift from the local ones.
 */
public final class LocalBrokerPlan {
    /** One allowed operation: who, on what, from where. */
    public record Grant(String principal, String resourceType, String name, String patternType, String operation,
            String host) {
    }

    private LocalBrokerPlan() {
    }

    public static Set<Grant> grants() {
        return KafkaGrants.bindings().stream().map(LocalBrokerPlan::grant).collect(Collectors.toSet());
    }

    private static Grant grant(AclBinding binding) {
        if (!binding.entry().permissionType().name().equals("ALLOW")) {
            throw new IllegalStateException("the local plan has only ALLOW entries: " + binding);
        }
        return new Grant(binding.entry().principal(), binding.pattern().resourceType().name(), binding.pattern().name(),
                binding.pattern().patternType().name(), binding.entry().operation().name(), binding.entry().host());
    }

    public static List<String> topics() {
        return KafkaAccess.topics();
    }

    public static int partitions() {
        return KafkaAccess.PARTITIONS;
    }

    public static List<String> services() {
        return KafkaAccess.SERVICES.stream().map(KafkaAccess.ServiceGrant::service).toList();
    }

    public static String admin() {
        return KafkaAccess.ADMIN;
    }
}
