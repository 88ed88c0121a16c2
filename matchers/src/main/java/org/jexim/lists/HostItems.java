package org.jexim.lists;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Items of a host list, matched against the client's IP address: the empty item (no remote
 * host, i.e. local submission), {@code *}, IP addresses and CIDR blocks, {@code @} and plain
 * host names (whose addresses are looked up forward, as Exim does).
 */
public final class HostItems implements ListMatcher.ItemRule {
    @Override
    public boolean matches(String item, String ip, ListContext context) throws ListException {
        if (item.isEmpty()) {
            return ip == null || ip.isEmpty();
        }
        if (ip == null || ip.isEmpty()) {
            return false;
        }
        if (item.equals("*")) {
            return true;
        }
        if (item.equals("@")) {
            return nameMatches(context.primaryHostname(), ip);
        }
        if (item.startsWith("^") || item.contains("*") || item.startsWith("@")) {
            throw new ListException("host list item \"" + item + "\" needs a host name lookup, not supported yet");
        }
        int slash = item.indexOf('/');
        String address = slash < 0 ? item : item.substring(0, slash);
        if (isIp(address)) {
            byte[] want = parse(address);
            byte[] have = parse(ip);
            if (want.length != have.length) {
                have = mapped(have, want.length);
                if (have == null) {
                    return false;
                }
            }
            int bits = slash < 0 ? want.length * 8 : Integer.parseInt(item.substring(slash + 1).strip());
            return prefix(want, bits).equals(prefix(have, bits));
        }
        return nameMatches(item, ip);
    }

    private static boolean nameMatches(String name, String ip) {
        try {
            byte[] have = parse(ip);
            for (InetAddress a : InetAddress.getAllByName(name)) {
                if (java.util.Arrays.equals(a.getAddress(), have)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | ListException e) {
            return false;
        }
    }

    static boolean isIp(String s) {
        return s.matches("[0-9]+(\\.[0-9]+){3}") || (s.contains(":") && s.matches("[0-9a-fA-F:.]+"));
    }

    private static byte[] parse(String ip) throws ListException {
        if (!isIp(ip)) {
            throw new ListException("\"" + ip + "\" is not an IP address");
        }
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new ListException("\"" + ip + "\" is not an IP address");
        }
    }

    /** An IPv4-mapped IPv6 address compared with an IPv4 item, and the reverse. */
    private static byte[] mapped(byte[] have, int length) {
        if (have.length == 16 && length == 4) {
            for (int i = 0; i < 10; i++) {
                if (have[i] != 0) {
                    return null;
                }
            }
            if (have[10] != (byte) 0xff || have[11] != (byte) 0xff) {
                return null;
            }
            return java.util.Arrays.copyOfRange(have, 12, 16);
        }
        return null;
    }

    private static BigInteger prefix(byte[] address, int bits) {
        BigInteger v = new BigInteger(1, address);
        int total = address.length * 8;
        return v.shiftRight(total - Math.min(bits, total));
    }
}
