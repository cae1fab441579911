package dev.imagegen.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "100.64.0.1", "100.127.255.254", "169.254.169.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
        "255.255.255.255", "240.0.0.1", "192.0.0.8", "198.18.0.1",
        "::1", "::", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "64:ff9b::a00:1", "2002:a00:1::1", "::7f00:1"})
    void refuses_loopback_link_local_private_cgnat_multicast_and_reserved(String address) throws Exception {
        assertTrue(AddressPolicy.refusal(InetAddress.getByName(address)).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "100.128.0.1", "100.63.255.255", "172.32.0.1",
        "172.15.255.255", "192.169.0.1", "11.0.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e",
        "64:ff9b::808:808", "2002:808:808::1"})
    void allows_public_addresses(String address) throws Exception {
        assertEquals(Optional.empty(), AddressPolicy.refusal(InetAddress.getByName(address)), address);
    }

    @Test
    void refuses_an_ipv4_mapped_ipv6_loopback_even_in_ipv6_form() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertTrue(AddressPolicy.refusal(address).orElseThrow().contains("loopback"));
    }

    @Test
    void names_the_range_it_refuses() throws UnknownHostException {
        assertEquals(Optional.of("carrier-grade NAT (100.64.0.0/10)"),
                AddressPolicy.refusal(InetAddress.getByName("100.100.1.1")));
    }
}
