package org.msp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.msp.notification.config.WebhookConfig;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
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
        // an IPv6 address that carries an IPv4 one reaches that IPv4 host, so it is judged as that host too
        return embeddedIpv4(address).flatMap(ipv4 -> refusal(ipv4, ipv4.getHostAddress() + " in " + host))
                .or(() -> refusal(address, host));
    }

    /** {@code host} is how the reason names the address. */
    private Optional<String> refusal(InetAddress address, String host) {
        if (address.isLinkLocalAddress() || METADATA_ADDRESSES.contains(address.getHostAddress())) {
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

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96), NAT64
     * (64:ff9b::/96) or 6to4 (2002::/16) address, if it is one.
     */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
        boolean mappedOrCompatible = zero(b, 0, 10) && b[10] == b[11] && (b[10] == 0 || b[10] == (byte) 0xff);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zero(b, 4, 12);
        if (!sixToFour && !mappedOrCompatible && !nat64) {
            return Optional.empty();
        }
        int from = sixToFour ? 2 : 12;
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
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
