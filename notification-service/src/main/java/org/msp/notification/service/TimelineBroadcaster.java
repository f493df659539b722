package org.msp.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.msp.notification.api.TimelineEntryView;
import org.msp.notification.domain.TimelineEntry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feeds the live stream. It follows the timeline table rather than only this instance's consumer,
 * so every instance streams every entry: woken right after a local commit, and polling otherwise
 * (entries recorded by another instance).
 */
@ApplicationScoped
public class TimelineBroadcaster {
    private static final Logger LOG = Logger.getLogger(TimelineBroadcaster.class);
    private static final int BATCH = 500;
    /** How long a skipped sequence number is waited for: its transaction commits late or never. */
    private static final Duration GAP_PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_GAPS = 1000;

    private final TimelineQuery timeline;
    private final PublicLinks links;
    private final Duration pollInterval;
    private final BroadcastProcessor<TimelineEntryView> processor = BroadcastProcessor.create();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastSeq;
    /** Open live streams: with none, entries are not read, only their sequence numbers now and then. */
    private final AtomicInteger listeners = new AtomicInteger();
    private long seqsFollowedAt;
    /** Sequence numbers below lastSeq not seen yet, with when they were first missed. */
    private final Map<Long, Long> gaps = new HashMap<>();
    private Thread follower;

    public TimelineBroadcaster(TimelineQuery timeline, PublicLinks links,
            @ConfigProperty(name = "msp.stream.poll-interval") Duration pollInterval) {
        this.timeline = timeline;
        this.links = links;
        this.pollInterval = pollInterval;
    }

    /** New timeline entries from now on; a slow reader drops entries rather than holding others up. */
    public Multi<TimelineEntryView> entries() {
        return processor.onOverflow().buffer(1024)
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet);
    }

    void onStart(@Observes StartupEvent event) {
        lastSeq = timeline.lastSeq();
        running.set(true);
        follower = new Thread(this::run, "timeline-broadcaster");
        follower.setDaemon(true);
        follower.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        wakeUp.release();
        processor.onComplete();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TimelineRecorder.TimelineAppended appended) {
        wakeUp.release();
    }

    private void run() {
        while (running.get()) {
            try {
                wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                if (listeners.get() == 0) {
                    // nobody to send to: follow only the sequence numbers, once per poll interval, so a
                    // stream opened later starts where the timeline stands without reading every entry
                    if (System.nanoTime() - seqsFollowedAt >= pollInterval.toNanos()) {
                        List<Long> seqs;
                        do {
                            seqs = timeline.seqsAfterOrAmong(lastSeq, gaps.keySet(), BATCH);
                            long now = System.currentTimeMillis();
                            seqs.forEach(seq -> firstSeen(seq, now));
                            forgetOldGaps(now);
                        } while (seqs.size() == BATCH && running.get());
                        seqsFollowedAt = System.nanoTime();
                    }
                    continue;
                }
                List<TimelineEntry> fresh;
                do {
                    // only what is new, plus the numbers skipped so far: a sequence number is taken at
                    // insert but becomes visible at commit, so a lower one can appear after a higher one
                    fresh = timeline.afterOrAmong(lastSeq, gaps.keySet(), BATCH);
                    long now = System.currentTimeMillis();
                    for (TimelineEntry entry : fresh) {
                        if (firstSeen(entry.seq, now)) {
                            processor.onNext(TimelineEntryView.of(entry, links.project(entry.projectId)));
                        }
                    }
                    forgetOldGaps(now);
                } while (fresh.size() == BATCH && running.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warnf("live stream could not read the timeline: %s", e.getMessage());
                }
            }
        }
    }

    /** Notes that {@code seq} is visible; false when it was seen (and sent) before. */
    private boolean firstSeen(long seq, long now) {
        if (seq > lastSeq) {
            // a jump larger than any set of open transactions is not waited for
            long from = Math.max(lastSeq + 1, seq - MAX_GAPS);
            for (long skipped = from; skipped < seq; skipped++) {
                gaps.put(skipped, now);
            }
            lastSeq = seq;
            return true;
        }
        return gaps.remove(seq) != null;
    }

    private void forgetOldGaps(long now) {
        gaps.values().removeIf(since -> now - since > GAP_PATIENCE.toMillis());
    }
}
