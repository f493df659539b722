package org.msp.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core objects (Deployments, Services, disruption budgets, autoscalers) read by fabric8's Kubernetes model:
 * each becomes its own class, not a generic resource, with no field the model does not know.
 */
class CoreObjectsTest {
    private static final Set<String> CORE_GROUPS = Set.of("v1", "apps/v1", "policy/v1", "autoscaling/v2");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static HasMetadata read(JsonNode doc) {
        return SERIALIZATION.unmarshal(Manifests.yaml(doc));
    }

    @Test
    void coreObjectsAreKnownToTheKubernetesModelWithNoUnknownField() {
        List<JsonNode> core = Manifests.objects().stream()
                .filter(doc -> CORE_GROUPS.contains(doc.path("apiVersion").asText())).toList();
        assertTrue(core.size() >= 20, "expected 5 Deployments, Services, budgets and autoscalers: " + core.size());
        for (JsonNode doc : core) {
            HasMetadata object = read(doc);
            String what = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
            assertFalse(object instanceof GenericKubernetesResource, what + " is not a kind the model knows");
            assertEquals(doc.path("kind").asText(), object.getKind());
            assertEquals(List.of(), UnknownFields.of(object), what + " has fields the Kubernetes model does not know");
        }
    }

    @Test
    void deploymentsProbeHealthAndRequestWhatTheBenchMeasured() {
        for (String application : Manifests.APPLICATIONS) {
            Deployment deployment = assertInstanceOf(Deployment.class, read(Manifests.named("Deployment", application)));
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath(), application);
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath(), application);
            assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath(), application);
            // the probes use the main port: health is not moved to the management interface
            int http = container.getPorts().stream().filter(port -> port.getName().equals("http")).findFirst()
                    .orElseThrow().getContainerPort();
            assertEquals(http, container.getReadinessProbe().getHttpGet().getPort().getIntVal(), application);
            assertEquals(http, container.getLivenessProbe().getHttpGet().getPort().getIntVal(), application);
            Map<String, Quantity> requests = container.getResources().getRequests();
            assertEquals(new Quantity("300Mi"), requests.get("memory"), application);
            assertEquals(new Quantity("250m"), requests.get("cpu"), application);
            assertEquals(new Quantity("512Mi"), container.getResources().getLimits().get("memory"), application);
            assertTrue(deployment.getSpec().getReplicas() >= 2, application + ": one pod is no budget for a drain");
        }
    }

    @Test
    void theServicesExposeMetricsOnTheManagementPortOnly() {
        for (String service : Manifests.SERVICES) {
            Deployment deployment = assertInstanceOf(Deployment.class, read(Manifests.named("Deployment", service)));
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            int management = container.getPorts().stream().filter(port -> port.getName().equals("management"))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " has no management port"))
                    .getContainerPort();
            String configured = container.getEnv().stream().filter(env -> env.getName().equals("MANAGEMENT_PORT"))
                    .findFirst().orElseThrow().getValue();
            assertEquals(String.valueOf(management), configured, service + ": MANAGEMENT_PORT and the container port");
            JsonNode servicePorts = Manifests.named("Service", service).path("spec").path("ports");
            servicePorts.forEach(port -> assertFalse(port.path("targetPort").asInt() == management,
                    service + "'s Service routes to the management port"));
        }
    }

    @Test
    void budgetsAndAutoscalersNameTheirDeployment() {
        for (String application : Manifests.APPLICATIONS) {
            Deployment deployment = (Deployment) read(Manifests.named("Deployment", application));
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

            PodDisruptionBudget budget = (PodDisruptionBudget) read(Manifests.named("PodDisruptionBudget", application));
            budget.getSpec().getSelector().getMatchLabels().forEach((key, value) ->
                    assertEquals(value, podLabels.get(key), application + "'s budget does not select its pods"));
            assertTrue(budget.getSpec().getMinAvailable().getIntVal() < deployment.getSpec().getReplicas(),
                    application + ": a budget of every pod blocks every drain");

            HorizontalPodAutoscaler scaler = (HorizontalPodAutoscaler) read(
                    Manifests.named("HorizontalPodAutoscaler", application));
            assertEquals("Deployment", scaler.getSpec().getScaleTargetRef().getKind());
            assertEquals(application, scaler.getSpec().getScaleTargetRef().getName());
            assertEquals(deployment.getSpec().getReplicas(), scaler.getSpec().getMinReplicas(), application);
        }
    }
}
