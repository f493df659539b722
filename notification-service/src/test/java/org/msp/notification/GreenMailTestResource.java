package org.msp.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.msp.infra.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for the e-mail tests, started once per test JVM on a free port, like
 * {@link org.msp.infra.testing.PlatformTestResource}; every Quarkus start in the JVM sends to it.
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String HOST = "127.0.0.1";
    private static int port;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        ensureStarted();
        return Map.of(
                "quarkus.mailer.host", HOST,
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // kept for the next Quarkus start in this JVM; the shutdown hook stops it
    }

    /** One received mail as a subscriber reads it: recipient, decoded subject and text, and the raw message. */
    public record Received(String to, String subject, String text, MimeMessage message) {
        public String header(String name) {
            try {
                return message.getHeader(name, ",");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every mail received so far for {@code address}, oldest first. */
    public static synchronized List<Received> mailsTo(String address) {
        ensureStarted();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .map(message -> new Received(address, subject(message), text(message), message))
                .toList();
    }

    /** Stops the server (SMTP attempts then fail) until {@link #restart()}. */
    public static synchronized void stopServer() {
        ensureStarted();
        server.stop();
    }

    /** A fresh server on the same port; mail received before is gone. */
    public static synchronized void restart() {
        if (server.isRunning()) {
            server.stop();
        }
        server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    private static synchronized void ensureStarted() {
        if (server != null) {
            return;
        }
        port = Ports.freePort();
        server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(), "greenmail-stop"));
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain content, decoded (quoted-printable, charset), from a simple or multipart mail. */
    static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
