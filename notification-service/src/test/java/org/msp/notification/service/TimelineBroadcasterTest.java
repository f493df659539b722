package org.msp.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.notification.api.TimelineEntryView;
import org.msp.notification.domain.TimelineEntry;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live stream follows positions given at commit, not sequence numbers taken at insert: an entry
 * whose transaction commits after a later one (so its lower sequence number appears late) is still
 * streamed, after the one that committed first, and each entry exactly once.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class TimelineBroadcasterTest {
    @Inject
    TimelineBroadcaster broadcaster;

    @Test
    void anEntryThatCommitsLateIsStillStreamedAndNothingTwice() throws Exception {
        List<String> streamed = new CopyOnWriteArrayList<>();
        Cancellable subscription = broadcaster.entries().subscribe().with(entry -> streamed.add(eventIdOf(entry)));
        try {
            String early = "late-commit-" + UUID.randomUUID();
            String later = "early-commit-" + UUID.randomUUID();
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // takes the lower sequence number first, but commits last
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                entry(early).persistAndFlush();
                inserted.countDown();
                awaitLatch(release);
            }));
            awaitLatch(inserted);
            QuarkusTransaction.requiringNew().run(() -> entry(later).persistAndFlush());
            await().atMost(Duration.ofSeconds(20)).until(() -> streamed.contains(later));
            release.countDown();
            slow.get(20, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(20)).until(() -> streamed.contains(early));
            // a few more polls must not send either again
            long polls = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() > polls);
            assertEquals(1, streamed.stream().filter(early::equals).count(), "the late entry once");
            assertEquals(1, streamed.stream().filter(later::equals).count(), "the early entry once");
            assertTrue(streamed.indexOf(later) < streamed.indexOf(early), "in commit order: " + streamed);
        } finally {
            subscription.cancel();
        }
    }

    private static TimelineEntry entry(String eventId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String project = UUID.randomUUID().toString();
        return new TimelineEntry(eventId, "/msp/project-service", "org.msp.project.submitted.v1", project,
                "Stream test", List.of("ZM"), List.of("COBALT"), now, "Stream test was submitted", "{}", now);
    }

    private static String eventIdOf(TimelineEntryView view) {
        return view.eventId();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
