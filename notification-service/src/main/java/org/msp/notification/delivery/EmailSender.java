package org.msp.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.msp.notification.config.EmailConfig;

import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * One SMTP attempt of one delivery, with a hard timeout. Every failure (no server, refused, timeout)
 * counts as retryable, so it follows the webhooks' back-off and ends FAILED when the attempts run out.
 */
@ApplicationScoped
public class EmailSender {
    private final ReactiveMailer mailer;
    private final EmailConfig config;

    public EmailSender(ReactiveMailer mailer, EmailConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public Attempt send(String to, EmailMessage message, Map<String, String> headers) {
        Mail mail = Mail.withText(to, message.subject(), message.text());
        // RFC 3834: tells auto-responders not to answer a machine
        mail.addHeader("Auto-Submitted", "auto-generated");
        headers.forEach(mail::addHeader);
        try {
            mailer.send(mail).await().atMost(config.timeout());
            return Attempt.acceptedWith(null);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return Attempt.retryableFailure("no answer from the SMTP server within " + config.timeout());
        } catch (RuntimeException e) {
            return Attempt.retryableFailure("SMTP: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
