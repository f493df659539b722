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
import org.msp.notification.events.TimelineRecorder;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds the live stream. It follows the timeline table rather than only this instance's consumer,
 * so every instance streams every entry: woken right after a local commit, and polling otherwise
 * (entries recorded by another instance).
 */
@ApplicationScoped
public class TimelineBroadcaster {
    private static final Logger LOG = Logger.getLogger(TimelineBroadcaster.class);
    private static final int BATCH = 500;
    private static final int LOOK_BACK = 200;

    private final TimelineQuery timeline;
    private final PublicLinks links;
    private final Duration pollInterval;
    private final BroadcastProcessor<TimelineEntryView> processor = BroadcastProcessor.create();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastSeq;
    private final Set<Long> sent = new HashSet<>();
    private Thread follower;

    public TimelineBroadcaster(TimelineQuery timeline, PublicLinks links,
            @ConfigProperty(name = "msp.stream.poll-interval") Duration pollInterval) {
        this.timeline = timeline;
        this.links = links;
        this.pollInterval = pollInterval;
    }

    /** New timeline entries from now on; a slow reader drops entries rather than holding others up. */
    public Multi<TimelineEntryView> entries() {
        return processor.onOverflow().buffer(1024);
    }

    void onStart(@Observes StartupEvent event) {
        lastSeq = timeline.lastSeq();
        for (TimelineEntry entry : timeline.after(Math.max(0, lastSeq - LOOK_BACK), LOOK_BACK + 1)) {
            sent.add(entry.seq);
        }
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
                List<TimelineEntry> fresh;
                do {
                    // sequence numbers are taken at insert but become visible at commit, so a lower one
                    // can appear after a higher one: look back a little and skip what was sent
                    fresh = timeline.after(Math.max(0, lastSeq - LOOK_BACK), BATCH);
                    for (TimelineEntry entry : fresh) {
                        if (sent.add(entry.seq)) {
                            processor.onNext(TimelineEntryView.of(entry, links.project(entry.projectId)));
                        }
                        lastSeq = Math.max(lastSeq, entry.seq);
                    }
                    sent.removeIf(seq -> seq <= lastSeq - LOOK_BACK);
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
}
