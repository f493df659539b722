package org.msp.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A civil-society organisation's webhook endpoint: a real HTTP server on loopback that accepts every
 * delivery and keeps the raw body and the signature header, as a receiver would verify them.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST as it arrived ({@code traceParent}: its W3C trace context, null when tracing is off). */
    public record Delivery(byte[] body, String signature, String deliveryId, String eventType, String traceParent) {
        public JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** X-MSP-Signature must be sha256=hex(HMAC-SHA256(body, secret)); compared in constant time. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
                return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/msp-webhook", this::accept);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/msp-webhook";
    }

    public List<Delivery> received() {
        return List.copyOf(received);
    }

    private void accept(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("POST".equals(exchange.getRequestMethod())) {
                var headers = exchange.getRequestHeaders();
                received.add(new Delivery(body, headers.getFirst("X-MSP-Signature"),
                        headers.getFirst("X-MSP-Delivery"), headers.getFirst("X-MSP-Event-Type"),
                        headers.getFirst("traceparent")));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
