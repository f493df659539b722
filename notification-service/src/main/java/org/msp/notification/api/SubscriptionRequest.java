package org.msp.notification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.notification.domain.Channel;

/**
 * {@code POST /subscriptions}. {@code target} is the webhook URL (or the e-mail address); the filter
 * is checked by {@link FilterRules}, so one set of rules serves subscriptions, feed and stream.
 */
public record SubscriptionRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 2000) String target,
        FilterView filter) {
}
