package org.msp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.msp.notification.config.WebhookConfig;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs may receive webhooks, so the service cannot be pointed at internal services or cloud
 * metadata (SSRF). Checked when a subscription is created and again before every attempt, since
 * DNS may have changed in between.
 */
@ApplicationScoped
public class WebhookTargetPolicy {
    /** Cloud metadata endpoints that are not link-local (AWS IPv6, Alibaba). */
    private static final Set<String> METADATA_ADDRESSES = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

    private final WebhookConfig config;

    public WebhookTargetPolicy(WebhookConfig config) {
        this.config = config;
    }

    /** The target as a URI, or why it is refused. */
    public URI parse(String target) throws RefusedTarget {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new RefusedTarget("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTarget("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTarget("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedTarget("must not have a fragment");
        }
        refusal(uri).ifPresent(reason -> {
            throw new RefusedTarget(reason);
        });
        return uri;
    }

    /** Why the target's host may not be called right now, if it may not. */
    public Optional<String> refusal(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    Optional<String> refusal(InetAddress address) {
        String host = address.getHostAddress();
        if (address.isLinkLocalAddress() || METADATA_ADDRESSES.contains(host)) {
            return Optional.of("resolves to a link-local or cloud metadata address (" + host + ")");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("resolves to a non-routable address (" + host + ")");
        }
        if (address.isLoopbackAddress() && !config.allowLoopback()) {
            return Optional.of("resolves to a loopback address (" + host + ")");
        }
        if (isPrivate(address) && !config.allowPrivateNetworks()) {
            return Optional.of("resolves to a private network address (" + host + ")");
        }
        return Optional.empty();
    }

    private static boolean isPrivate(InetAddress address) {
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // site-local plus carrier-grade NAT (100.64/10)
            return address.isSiteLocalAddress() || (first == 100 && second >= 64 && second < 128);
        }
        if (address instanceof Inet6Address) {
            return (address.getAddress()[0] & 0xfe) == 0xfc || address.isSiteLocalAddress();
        }
        return false;
    }

    /** A target that may not receive webhooks, and why. */
    public static class RefusedTarget extends RuntimeException {
        public RefusedTarget(String reason) {
            super(reason);
        }
    }
}
