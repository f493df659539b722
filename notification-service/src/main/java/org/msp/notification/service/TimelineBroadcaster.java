package org.msp.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.msp.notification.api.TimelineEntryView;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.domain.TimelineEntry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds the live stream. It follows the timeline table rather than only this instance's consumer,
 * so every instance streams every entry: woken right after a local commit, and polling otherwise
 * (entries recorded by another instance). Each pass first numbers the newly committed entries
 * ({@link TimelinePositions}), then sends those after the last position sent, in order, each once.
 */
@ApplicationScoped
public class TimelineBroadcaster {
    private static final Logger LOG = Logger.getLogger(TimelineBroadcaster.class);
    private static final int BATCH = 500;
    /** Live entries one stream may hold while its client catches up; beyond that the stream ends. */
    private static final int STREAM_BUFFER = 1024;

    private final TimelineQuery timeline;
    private final TimelinePositions positions;
    private final PublicLinks links;
    private final Duration pollInterval;
    private final BroadcastProcessor<TimelineEntryView> processor = BroadcastProcessor.create();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastSent;
    /** Open live streams: with none, entries are numbered but not read. */
    private final AtomicInteger listeners = new AtomicInteger();
    private Thread follower;

    public TimelineBroadcaster(TimelineQuery timeline, TimelinePositions positions, PublicLinks links,
            @ConfigProperty(name = "msp.stream.poll-interval") Duration pollInterval) {
        this.timeline = timeline;
        this.positions = positions;
        this.links = links;
        this.pollInterval = pollInterval;
    }

    /** New timeline entries from now on, in position order; a reader that falls too far behind fails. */
    public Multi<TimelineEntryView> entries() {
        return processor.onOverflow().buffer(STREAM_BUFFER)
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet);
    }

    /**
     * The entries matching {@code filter} after position {@code after}, read from the database, then
     * live ones as they come: nothing missed between the two, nothing twice. The live entries are
     * listened to before the database is read, and only those past the last entry read are passed on.
     * A client too slow for the live entries sees the stream end and resumes from its last id.
     */
    public Multi<TimelineEntryView> entriesAfter(SubscriptionFilter filter, long after) {
        return Multi.createFrom().deferred(() -> {
            UnicastProcessor<TimelineEntryView> live = UnicastProcessor.create(
                    new ArrayBlockingQueue<>(STREAM_BUFFER), null);
            Cancellable listening = entries().filter(entry -> matches(filter, entry))
                    .subscribe().with(live::onNext, live::onError, live::onComplete);
            AtomicLong reached = new AtomicLong(after);
            // page by page, each read on a worker thread (never the event loop), as the client takes them
            Multi<TimelineEntryView> stored = Multi.createBy().repeating()
                    .uni(() -> Uni.createFrom().item(() -> storedPage(filter, reached))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                    .until(List::isEmpty)
                    .onItem().transformToIterable(page -> page);
            Multi<TimelineEntryView> fresh = live.filter(entry -> entry.position() > reached.get());
            return Multi.createBy().concatenating().streams(stored, fresh)
                    .onTermination().invoke(listening::cancel);
        });
    }

    private List<TimelineEntryView> storedPage(SubscriptionFilter filter, AtomicLong reached) {
        List<TimelineEntry> page = timeline.after(filter, reached.get(), BATCH);
        if (!page.isEmpty()) {
            reached.set(page.get(page.size() - 1).position);
        }
        return page.stream().map(entry -> TimelineEntryView.of(entry, links.project(entry.projectId))).toList();
    }

    private static boolean matches(SubscriptionFilter filter, TimelineEntryView entry) {
        return filter.matches(entry.projectId(), entry.countries(), entry.minerals(), entry.type());
    }

    void onStart(@Observes StartupEvent event) {
        running.set(true);
        numberCommitted();
        lastSent = timeline.lastPosition(); // a stream opened later starts where the timeline stands
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
                numberCommitted();
                if (listeners.get() == 0) {
                    // nobody to send to: only note where the timeline stands. Read before the second look at
                    // the listeners, so a stream that opens in between reads at least up to here itself
                    long last = timeline.lastPosition();
                    if (listeners.get() == 0) {
                        lastSent = last;
                        continue;
                    }
                }
                List<TimelineEntry> fresh;
                do {
                    fresh = timeline.after(SubscriptionFilter.EVERYTHING, lastSent, BATCH);
                    for (TimelineEntry entry : fresh) {
                        processor.onNext(TimelineEntryView.of(entry, links.project(entry.projectId)));
                        lastSent = entry.position;
                    }
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

    private void numberCommitted() {
        while (positions.numberCommitted(BATCH) == BATCH && running.get()) {
            // a backlog: number all of it before anything is sent
        }
    }
}
