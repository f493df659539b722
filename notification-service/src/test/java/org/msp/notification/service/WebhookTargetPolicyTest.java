package org.msp.notification.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msp.notification.config.WebhookConfig;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production defaults: neither loopback nor private networks are accepted. */
class WebhookTargetPolicyTest {
    final WebhookTargetPolicy policy = new WebhookTargetPolicy(new Settings(false, false));

    @ParameterizedTest
    @ValueSource(strings = {
            // cloud metadata, plain and inside IPv6 (IPv4-compatible, NAT64, 6to4)
            "169.254.169.254", "::169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1",
            // loopback
            "127.0.0.1", "::1", "::ffff:127.0.0.1", "::127.0.0.2", "64:ff9b::7f00:1", "2002:7f00:1::",
            // private networks, IPv4 and IPv6 (unique-local fc00::/7, site-local fec0::/10)
            "10.1.2.3", "192.168.0.1", "100.64.0.1", "64:ff9b::c0a8:1", "2002:a00:1::", "fd00::1", "fec0::1"})
    void internalAddressesAreRefusedInWhateverFormTheyCome(String address) throws Exception {
        assertTrue(policy.refusal(InetAddress.getByName(address)).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "64:ff9b::5db8:d70e",
            "2002:5db8:d70e::1"})
    void publicAddressesAreAccepted(String address) throws Exception {
        assertFalse(policy.refusal(InetAddress.getByName(address)).isPresent(), address);
    }

    @Test
    void anIpv4MappedAddressAResolverHandsBackAsIpv6IsJudgedByItsIpv4Address() throws Exception {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; an Inet6Address can still carry one
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
                (byte) 254};
        assertTrue(policy.refusal(Inet6Address.getByAddress(null, mapped, -1)).isPresent());
    }

    record Settings(boolean allowLoopback, boolean allowPrivateNetworks) implements WebhookConfig {
        @Override
        public Duration timeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int maxAttempts() {
            return 1;
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int workers() {
            return 1;
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }
    }
}
