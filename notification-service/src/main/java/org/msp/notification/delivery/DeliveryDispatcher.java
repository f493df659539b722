package org.msp.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.msp.notification.config.EmailConfig;
import org.msp.notification.config.WebhookConfig;
import org.msp.notification.domain.Delivery;
import org.msp.notification.domain.DeliveryKind;
import org.msp.notification.domain.DeliveryStatus;
import org.msp.notification.domain.Subscription;
import org.msp.notification.domain.TimelineEntry;
import org.msp.notification.service.PublicLinks;
import org.msp.notification.service.SecretBox;
import org.msp.notification.service.WebhookTargetPolicy;
import org.msp.platform.tracing.Traces;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works the delivery log: claims due PENDING rows (leased, so a crash only delays them and another
 * instance skips them), runs each on a bounded worker pool with at most one attempt in flight per
 * subscription — so a slow or dead target ties up one worker, never the others or the consumer —
 * and records the outcome: DELIVERED, a retry after back-off, or FAILED. Webhooks and e-mails share
 * the queue, the retry policy and the log; only the last step (HTTP POST or SMTP) differs.
 */
@ApplicationScoped
public class DeliveryDispatcher {
    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final EmailConfig emailConfig;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final SecretBox secrets;
    private final WebhookTargetPolicy targets;
    private final PublicLinks links;
    private final RetryPolicy retries;
    private final Traces traces;
    private final MeterRegistry meterRegistry;

    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger busy = new AtomicInteger();
    private final Set<UUID> subscriptionsInFlight = ConcurrentHashMap.newKeySet();
    private ExecutorService workers;
    private Thread dispatcher;

    public DeliveryDispatcher(EntityManager entityManager, WebhookConfig config, EmailConfig emailConfig,
            WebhookSender webhooks, EmailSender emails, SecretBox secrets, WebhookTargetPolicy targets,
            PublicLinks links, Traces traces, MeterRegistry meterRegistry) {
        this.entityManager = entityManager;
        this.meterRegistry = meterRegistry;
        this.config = config;
        this.emailConfig = emailConfig;
        this.webhooks = webhooks;
        this.emails = emails;
        this.secrets = secrets;
        this.targets = targets;
        this.links = links;
        this.traces = traces;
        this.retries = new RetryPolicy(config.initialBackoff(), config.maxBackoff(), config.maxAttempts());
    }

    void onStart(@Observes StartupEvent event) {
        running.set(true);
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), task -> {
            Thread thread = new Thread(task, "delivery-worker-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = new Thread(this::run, "delivery-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        wakeUp.release();
        if (workers != null) {
            // in-flight attempts are interrupted; their leases expire and they are retried after restart
            workers.shutdownNow();
        }
        if (dispatcher != null) {
            try {
                dispatcher.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryScheduler.DeliveriesDue due) {
        wakeUp.release();
    }

    private void run() {
        long backoffMillis = 100;
        while (running.get()) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                dispatchDue();
                backoffMillis = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                LOG.warnf("could not claim due deliveries (retrying in %d ms): %s", backoffMillis, e.getMessage());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 5000);
            }
        }
    }

    private void dispatchDue() {
        int free = config.workers() - busy.get();
        if (free <= 0) {
            return;
        }
        for (Claim claim : claim(free)) {
            busy.incrementAndGet();
            subscriptionsInFlight.add(claim.subscriptionId());
            try {
                workers.execute(() -> attempt(claim));
            } catch (RuntimeException rejected) {
                // pool shut down: the lease expires and the delivery is retried later
                release(claim);
            }
        }
    }

    private record Claim(UUID deliveryId, UUID subscriptionId, DeliveryKind kind, String eventId, int attempts,
            String traceParent) {
    }

    /** Leases up to {@code limit} due deliveries, at most one per subscription and none already in flight. */
    private List<Claim> claim(int limit) {
        // the lease outlasts any attempt, so only a crash lets it expire
        Duration longestAttempt = config.timeout().compareTo(emailConfig.timeout()) >= 0 ? config.timeout()
                : emailConfig.timeout();
        double leaseSeconds = longestAttempt.multipliedBy(2).plusSeconds(30).toMillis() / 1000.0;
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT id, subscription_id, kind, event_id, attempts, trace_parent FROM delivery WHERE id IN (
                                SELECT DISTINCT ON (subscription_id) id FROM delivery
                                WHERE status = 'PENDING' AND next_attempt_at <= now()
                                ORDER BY subscription_id, next_attempt_at)
                            ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    // the oldest due row of each subscription, so one backlogged target cannot crowd out the rest
                    .setParameter(1, limit + subscriptionsInFlight.size())
                    .getResultList();
            List<Claim> claims = new ArrayList<>();
            Set<UUID> chosen = new HashSet<>();
            for (Object[] row : rows) {
                UUID subscription = (UUID) row[1];
                if (claims.size() < limit && !subscriptionsInFlight.contains(subscription) && chosen.add(subscription)) {
                    claims.add(new Claim((UUID) row[0], subscription, DeliveryKind.valueOf((String) row[2]),
                            (String) row[3], ((Number) row[4]).intValue(), (String) row[5]));
                }
            }
            if (!claims.isEmpty()) {
                entityManager.createNativeQuery("""
                                UPDATE delivery SET next_attempt_at = now() + make_interval(secs => ?1)
                                WHERE id IN (?2)""")
                        .setParameter(1, leaseSeconds)
                        .setParameter(2, claims.stream().map(Claim::deliveryId).toList())
                        .executeUpdate();
            }
            return claims;
        });
    }

    /** What one attempt needs: the event's timeline entry, or the freshly minted confirmation token. */
    private record Work(Subscription subscription, TimelineEntry entry, String confirmationToken) {
    }

    private void attempt(Claim claim) {
        try {
            Work work = QuarkusTransaction.requiringNew().call(() -> prepare(claim));
            if (work != null) {
                String channel = work.subscription().channel.name().toLowerCase(Locale.ROOT);
                record(claim, channel, tracedSend(claim, channel, work));
            }
        } catch (RuntimeException e) {
            // the lease expires and the attempt is made again
            LOG.errorf(e, "delivery %s could not be attempted", claim.deliveryId());
        } finally {
            release(claim);
        }
    }

    /** Loads what the attempt needs, or cancels the delivery (and returns null) when nothing is owed any more. */
    private Work prepare(Claim claim) {
        Subscription subscription = Subscription.findById(claim.subscriptionId());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (subscription.isDeleted()) {
            Delivery.<Delivery>findById(claim.deliveryId()).cancel(now);
            return null;
        }
        if (claim.kind() == DeliveryKind.CONFIRMATION) {
            if (!subscription.isPendingConfirmation()) {
                Delivery.<Delivery>findById(claim.deliveryId()).cancel(now, "subscription already confirmed");
                return null;
            }
            // minted per attempt and committed before the mail leaves, so the link works as soon as it arrives;
            // only its hash is stored, and a retry's fresh token replaces the last one
            String token = secrets.newConfirmationToken();
            subscription.confirmationIssued(SecretBox.hash(token), now.plus(emailConfig.confirmationValidity()));
            return new Work(subscription, null, token);
        }
        if (!subscription.isActive()) {
            Delivery.<Delivery>findById(claim.deliveryId()).cancel(now, "subscription not confirmed");
            return null;
        }
        return new Work(subscription, TimelineEntry.find("eventId", claim.eventId()).firstResult(), null);
    }

    /** The attempt as a client span of the event's trace; the webhook request names it in its traceparent. */
    private Attempt tracedSend(Claim claim, String channel, Work work) {
        Span span = traces.child("deliver " + channel, SpanKind.CLIENT, claim.traceParent())
                .setAttribute("msp.delivery.id", claim.deliveryId().toString())
                .setAttribute("msp.delivery.attempt", claim.attempts() + 1)
                .setAttribute("msp.subscription.id", claim.subscriptionId().toString())
                .startSpan();
        return Traces.within(span, () -> {
            Attempt outcome = send(claim, work);
            if (outcome.statusCode() != null) {
                span.setAttribute("http.response.status_code", outcome.statusCode());
            }
            if (!outcome.accepted()) {
                span.setStatus(StatusCode.ERROR, String.valueOf(outcome.error()));
            }
            return outcome;
        });
    }

    private Attempt send(Claim claim, Work work) {
        Subscription subscription = work.subscription();
        return switch (subscription.channel) {
            case WEBHOOK -> {
                URI target = URI.create(subscription.target);
                Optional<String> refused = targets.refusal(target);
                yield refused.isPresent()
                        ? Attempt.retryableFailure("target refused: " + refused.get())
                        : webhooks.post(target, work.entry().eventJson, secrets.decrypt(subscription.secretCiphertext),
                                claim.deliveryId(), claim.attempts() + 1, work.entry().eventType);
            }
            case EMAIL -> {
                String subscriptionUrl = links.self("/api/v1/subscriptions/" + subscription.id);
                if (work.confirmationToken() != null) {
                    yield emails.send(subscription.target, EmailMessage.confirmation(subscription.id,
                                    subscription.target, subscription.filter(),
                                    subscriptionUrl + "/confirm?token=" + work.confirmationToken(),
                                    subscription.confirmationExpiresAt, subscriptionUrl),
                            Map.of(WebhookSender.DELIVERY_HEADER, claim.deliveryId().toString()));
                }
                TimelineEntry entry = work.entry();
                yield emails.send(subscription.target, EmailMessage.event(entry, links.project(entry.projectId),
                                subscription.id, subscription.target, subscriptionUrl, claim.deliveryId()),
                        Map.of(WebhookSender.DELIVERY_HEADER, claim.deliveryId().toString(),
                                WebhookSender.EVENT_TYPE_HEADER, entry.eventType));
            }
        };
    }

    private void record(Claim claim, String channel, Attempt outcome) {
        DeliveryStatus recorded = QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = Delivery.findById(claim.deliveryId());
            if (delivery == null || delivery.status() != DeliveryStatus.PENDING) {
                return null;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (outcome.accepted()) {
                delivery.delivered(now, outcome.statusCode());
            } else {
                Duration retryIn = retries.delayAfter(delivery.attempts + 1, ThreadLocalRandom.current()::nextDouble);
                delivery.attemptFailed(now, outcome.statusCode(), outcome.error(), outcome.retryable(),
                        config.maxAttempts(), retryIn);
                LOG.debugf("delivery %s attempt %d failed: %s", delivery.id, delivery.attempts, outcome.error());
            }
            return delivery.status();
        });
        if (recorded != null && !outcome.accepted()) {
            // counted once committed: failed attempts (retried later) and deliveries given up for good (FAILED);
            // the alert rules watch both (deploy/k8s/monitoring/alerts.yml)
            Counter.builder("msp.deliveries.attempts.failed")
                    .description("Webhook and e-mail delivery attempts that failed (each is retried until the last)")
                    .tag("channel", channel)
                    .register(meterRegistry).increment();
            if (recorded == DeliveryStatus.FAILED) {
                Counter.builder("msp.deliveries.failed")
                        .description("Webhook and e-mail deliveries given up for good (FAILED in the delivery log)")
                        .tag("channel", channel)
                        .register(meterRegistry).increment();
            }
        }
    }

    private void release(Claim claim) {
        subscriptionsInFlight.remove(claim.subscriptionId());
        busy.decrementAndGet();
        wakeUp.release();
    }
}
