package org.msp.notification.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} requests at once, refilled evenly over a
 * minute. Kept in memory: each instance limits on its own, which is enough to stop one address from
 * using the service to flood targets.
 */
public class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int MAX_TRACKED = 100_000;

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    /** 0 when {@code client} may go ahead (and a token is taken), else the seconds to wait. */
    public long tryAcquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED) {
            // forget clients whose bucket has refilled; they start full again anyway
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= perMinute);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double nanosPerToken = (double) MINUTE_NANOS / perMinute;
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) * nanosPerToken / 1_000_000_000L));
        }
    }

    private double refilled(Bucket bucket, long now) {
        double earned = (now - bucket.updatedAt) * (double) perMinute / MINUTE_NANOS;
        return Math.min(perMinute, bucket.tokens + earned);
    }
}
