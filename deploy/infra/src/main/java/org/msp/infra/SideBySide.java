package org.msp.infra;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs start-up steps side by side, each on a thread of its own. CompletableFuture's default pool
 * has a single thread on a 2-core machine, which would quietly start PostgreSQL, Kafka and Keycloak
 * one after the other.
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static <T> CompletableFuture<T> supply(String name, Supplier<T> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(step.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "start-" + name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    public static CompletableFuture<Void> run(String name, Runnable step) {
        return supply(name, () -> {
            step.run();
            return null;
        });
    }
}
