package org.msp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.msp.events.EventType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.msp.bench.Bench.JSON;

/** The webhook subscriber: a loopback HTTP server that notes when each project's submitted event arrives. */
final class Webhook implements AutoCloseable {
    final HttpServer server;
    final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    final ExecutorService executor = Executors.newFixedThreadPool(4);

    Webhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/msp-webhook", this::accept);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/msp-webhook";
    }

    void accept(HttpExchange exchange) throws IOException {
        try (exchange) {
            long now = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                JsonNode event = JSON.readTree(body);
                if (EventType.PROJECT_SUBMITTED.type().equals(event.path("type").asText())) {
                    arrivals.putIfAbsent(event.path("subject").asText(), now);
                }
            } catch (IOException ignored) {
                // not JSON: not ours to measure
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
