package org.msp.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.msp.notification.config.WebhookConfig;
import org.msp.platform.tracing.Traces;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP attempt of one delivery: POST the CloudEvent, signed, with no redirects and a hard timeout on
 * the whole exchange (connect, headers and body).
 */
@ApplicationScoped
public class WebhookSender {
    public static final String DELIVERY_HEADER = "X-MSP-Delivery";
    public static final String ATTEMPT_HEADER = "X-MSP-Delivery-Attempt";
    public static final String EVENT_TYPE_HEADER = "X-MSP-Event-Type";

    private final WebhookConfig config;
    private final HttpClient client;

    public WebhookSender(WebhookConfig config) {
        this.config = config;
        // redirects are not followed: a 3xx to an internal address would bypass the target policy
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Attempt post(URI target, String eventJson, String secret, UUID deliveryId, int attempt, String eventType) {
        byte[] body = eventJson.getBytes(StandardCharsets.UTF_8);
        // Standard Webhooks: the message id is the delivery's, the same on every retry; the timestamp is this attempt's
        String messageId = deliveryId.toString();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(config.timeout())
                .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
                .header("User-Agent", "msp-notification-service")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(body, secret))
                .header(WebhookSignature.STANDARD_ID_HEADER, messageId)
                .header(WebhookSignature.STANDARD_TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.STANDARD_SIGNATURE_HEADER,
                        WebhookSignature.signStandard(messageId, timestamp, body, secret))
                .header(DELIVERY_HEADER, deliveryId.toString())
                .header(ATTEMPT_HEADER, Integer.toString(attempt))
                .header(EVENT_TYPE_HEADER, eventType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        // the attempt's span (DeliveryDispatcher), so the subscriber's own tracing can join the event's trace
        String traceParent = Traces.currentParent();
        if (traceParent != null) {
            request.header(Traces.TRACEPARENT, traceParent);
        }
        // HttpRequest.timeout only bounds the wait for the response headers: a target that then stalls the
        // body would hold this worker for ever, so the whole exchange gets the timeout, and cancelling it
        // closes the connection
        CompletableFuture<HttpResponse<Void>> exchange =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        try {
            int status = exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(true, status, null, false);
            }
            return new Attempt(false, status, "target answered " + status, RetryPolicy.isRetryable(status));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return noAnswer();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return noAnswer();
            }
            return new Attempt(false, null, "could not reach the target: " + e.getCause(), true);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt(false, null, "interrupted (service stopping)", true);
        }
    }

    private Attempt noAnswer() {
        return new Attempt(false, null, "no answer within " + config.timeout(), true);
    }
}
