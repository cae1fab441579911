package dev.imagegen.store;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a result download may not reach unless private URLs are allowed: loopback, link-local, private,
 * unique-local, CGNAT, "this network", multicast, reserved and broadcast, in IPv4 and IPv6, including IPv4
 * addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4). Stateless.
 */
final class AddressPolicy {

    private record Block(byte[] prefix, int bits, String why) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Block> V4 = List.of(
            v4(0, 0, 8, "'this network' (0.0.0.0/8)"),
            v4(10, 0, 8, "private (10.0.0.0/8)"),
            v4(100, 64, 10, "carrier-grade NAT (100.64.0.0/10)"),
            v4(127, 0, 8, "loopback (127.0.0.0/8)"),
            v4(169, 254, 16, "link-local (169.254.0.0/16)"),
            v4(172, 16, 12, "private (172.16.0.0/12)"),
            v4(192, 0, 24, "IETF protocol assignments (192.0.0.0/24)"),
            v4(192, 168, 16, "private (192.168.0.0/16)"),
            v4(198, 18, 15, "benchmarking (198.18.0.0/15)"),
            v4(224, 0, 4, "multicast (224.0.0.0/4)"),
            v4(240, 0, 4, "reserved or broadcast (240.0.0.0/4)"));

    private static final List<Block> V6 = List.of(
            v6(new int[] {}, 127, "unspecified or loopback (::/127)"),
            v6(new int[] {0xfe, 0x80}, 10, "link-local (fe80::/10)"),
            v6(new int[] {0xfe, 0xc0}, 10, "site-local (fec0::/10)"),
            v6(new int[] {0xfc}, 7, "unique-local (fc00::/7)"),
            v6(new int[] {0xff}, 8, "multicast (ff00::/8)"));

    private AddressPolicy() {
    }

    /** Why {@code address} is refused, or empty when a download may reach it. */
    static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return v4Refusal(bytes);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("an unknown kind of address");
        }
        for (Block block : V6) {
            if (block.contains(bytes)) {
                return Optional.of(block.why());
            }
        }
        return embeddedV4(bytes).flatMap(v4 -> v4Refusal(v4).map(why -> why + ", embedded in IPv6"));
    }

    private static Optional<String> v4Refusal(byte[] bytes) {
        return V4.stream().filter(b -> b.contains(bytes)).map(Block::why).findFirst();
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
    private static Optional<byte[]> embeddedV4(byte[] v6) {
        boolean zeros10 = allZero(v6, 0, 10);
        boolean mapped = zeros10 && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = zeros10 && v6[10] == 0 && v6[11] == 0;
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b && allZero(v6, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(java.util.Arrays.copyOfRange(v6, 12, 16));
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return Optional.of(java.util.Arrays.copyOfRange(v6, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Block v4(int a, int b, int bits, String why) {
        return new Block(new byte[] {(byte) a, (byte) b, 0, 0}, bits, why);
    }

    private static Block v6(int[] lead, int bits, String why) {
        byte[] prefix = new byte[16];
        for (int i = 0; i < lead.length; i++) {
            prefix[i] = (byte) lead[i];
        }
        return new Block(prefix, bits, why);
    }
}
