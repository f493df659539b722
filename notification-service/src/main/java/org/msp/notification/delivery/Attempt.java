package org.msp.notification.delivery;

/** What came of one delivery attempt, on any channel: accepted, or a failure and whether trying again may help. */
public record Attempt(boolean accepted, Integer statusCode, String error, boolean retryable) {
    public static Attempt acceptedWith(Integer statusCode) {
        return new Attempt(true, statusCode, null, false);
    }

    public static Attempt retryableFailure(String error) {
        return new Attempt(false, null, error, true);
    }
}
