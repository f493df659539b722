package org.msp.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real local HTTP server standing in for subscribers' webhook endpoints, one path per subscriber. */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as the subscriber saw it, with all its headers. */
    public record Received(String body, String signature, String deliveryId, String attempt,
            Map<String, List<String>> headers) {
        /** The first value of header {@code name} (any case); fails the test when it is missing. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Set<String> stalling = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closing = new CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fresh endpoint URL that answers 200. */
    public String newEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + UUID.randomUUID();
    }

    /** The endpoint answers these statuses in turn, then 200. */
    public String newEndpointAnswering(int... statuses) {
        String url = newEndpoint();
        Deque<Integer> queue = new ArrayDeque<>();
        for (int status : statuses) {
            queue.add(status);
        }
        scripted.put(path(url), queue);
        return url;
    }

    /** The endpoint accepts connections but never answers. */
    public String newSilentEndpoint() {
        String url = newEndpoint();
        silent.add(path(url));
        return url;
    }

    /** The endpoint answers 200 with a Content-Length of 1000, then never sends the body. */
    public String newStallingEndpoint() {
        String url = newEndpoint();
        stalling.add(path(url));
        return url;
    }

    public List<Received> received(String url) {
        return received.getOrDefault(path(url), List.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("X-MSP-Signature"),
                exchange.getRequestHeaders().getFirst("X-MSP-Delivery"),
                exchange.getRequestHeaders().getFirst("X-MSP-Delivery-Attempt"),
                Map.copyOf(exchange.getRequestHeaders())));
        if (stalling.contains(path)) {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().flush();
        }
        if (silent.contains(path) || stalling.contains(path)) {
            try {
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Deque<Integer> script = scripted.get(path);
        Integer status = script == null ? null : script.poll();
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        exchange.close();
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
