package org.jexim.conf.lists;

/** Exim's IP address helpers: string_is_ip_address, host_aton, host_mask, host_nmtoa, host_is_in_net. */
public final class IpAddress {
    private IpAddress() {
    }

    private static boolean isXdigit(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** 4, 6, or 0 when {@code s} is not an IP address; no mask allowed. */
    public static int version(String s) {
        return check(s, false)[0];
    }

    /**
     * Exim's string_is_ip_address() as Debian's 4.96 builds it (inet_pton based):
     * {version, maskOffset}, the offset of '/' when a mask is present and permitted, else 0.
     */
    public static int[] check(String s, boolean maskAllowed) {
        int mask = 0;
        int end = s.length();
        int slash = s.indexOf('/');
        if (slash >= 0) {
            if (!maskAllowed) {
                return new int[] {0, 0};
            }
            String m = s.substring(slash + 1);
            long[] r = org.jexim.conf.expand.Numbers.strtoll(m, 0, 10);
            if (r[1] != m.length() && !(m.isEmpty() && r[1] == 0) || r[0] < 0) {
                return new int[] {0, 0};
            }
            mask = slash;
            end = slash;
        }
        int percent = s.indexOf('%');
        if (percent >= 0) {
            if (slash >= 0) {
                return new int[] {0, 0};
            }
            for (int i = percent + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c > 32 && c < 127)) {
                    return new int[] {0, 0};
                }
            }
            end = percent;
        }
        String addr = s.substring(0, end);
        if (addr.indexOf(':') >= 0) {
            return new int[] {inetPton6(addr) ? 6 : 0, mask};
        }
        if (percent >= 0 || !inetPton4(addr)) {
            return new int[] {0, mask};
        }
        return new int[] {4, mask};
    }

    /** glibc inet_pton(AF_INET): four decimal parts 0-255, no leading zeros. */
    static boolean inetPton4(String s) {
        int parts = 0;
        int i = 0;
        while (true) {
            int start = i;
            int v = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + s.charAt(i) - '0';
                if (v > 255 || (i > start && s.charAt(start) == '0')) {
                    return false;
                }
                i++;
            }
            if (i == start) {
                return false;
            }
            parts++;
            if (i == s.length()) {
                return parts == 4;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
        }
    }

    /** glibc inet_pton(AF_INET6), trailing dotted quad allowed. */
    static boolean inetPton6(String s) {
        int groups = 0;
        boolean doubleColon = false;
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return false;
        }
        if (s.charAt(0) == ':') {
            if (n < 2 || s.charAt(1) != ':') {
                return false;
            }
        }
        while (i < n) {
            if (s.charAt(i) == ':') {
                if (i + 1 < n && s.charAt(i + 1) == ':') {
                    if (doubleColon) {
                        return false;
                    }
                    doubleColon = true;
                    i += 2;
                    if (i == n) {
                        break;
                    }
                    continue;
                }
                if (i == 0 || i + 1 == n) {
                    return false;
                }
                i++;
            }
            int start = i;
            while (i < n && isXdigit(s.charAt(i))) {
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                if (groups > 6 || !inetPton4(s.substring(start))) {
                    return false;
                }
                groups += 2;
                i = n;
                break;
            }
            if (i == start || i - start > 4) {
                return false;
            }
            groups++;
            if (i < n && s.charAt(i) != ':') {
                return false;
            }
        }
        if (doubleColon) {
            return groups < 8;
        }
        return groups == 8;
    }

    /** host_aton(): 1 int for IPv4, 4 for IPv6, most significant first. Input must be valid. */
    public static int[] aton(String address) {
        int[] bin = new int[4];
        int v4offset = 0;
        String a = address;
        if (a.indexOf(':') >= 0) {
            int p = 0;
            if (at(a, 0) == ':') {
                p++;
            }
            String[] comp = new String[9];
            int ci = 0;
            int nulloffset = 0;
            int v6count = 8;
            boolean v4ends = false;
            while (p < a.length() && a.charAt(p) != '%') {
                int e = p;
                while (e < a.length() && a.charAt(e) != ':' && a.charAt(e) != '%') {
                    e++;
                }
                if (e == p) {
                    nulloffset = ci;
                }
                if (ci > 7) {
                    break;
                }
                comp[ci++] = a.substring(p, e);
                p = e;
                if (at(a, p) == ':') {
                    p++;
                }
            }
            if (ci > 0 && comp[ci - 1].indexOf('.') >= 0) {
                a = comp[--ci];
                v4ends = true;
                v4offset = 3;
                v6count = 6;
            }
            if (ci < v6count) {
                int insert = v6count - ci;
                int i;
                for (i = v6count - 1; i > nulloffset + insert; i--) {
                    comp[i] = comp[i - insert];
                }
                while (i > nulloffset) {
                    comp[i--] = "";
                }
            }
            for (int i = 0; i < v6count; i += 2) {
                bin[i / 2] = (hex(comp[i]) << 16) + hex(comp[i + 1]);
            }
            if (!v4ends) {
                return bin;
            }
        }
        String[] parts = a.split("\\.", -1);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int x = i < parts.length ? leadingInt(parts[i]) : 0;
            v = (v << 8) + x;
        }
        bin[v4offset] = v;
        if (v4offset == 0) {
            return new int[] {v};
        }
        return bin;
    }

    private static int hex(String s) {
        if (s == null) {
            return 0;
        }
        int v = 0;
        for (int i = 0; i < s.length() && isXdigit(s.charAt(i)); i++) {
            v = v * 16 + Character.digit(s.charAt(i), 16);
        }
        return v & 0xffff;
    }

    private static int leadingInt(String s) {
        int v = 0;
        for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)); i++) {
            v = v * 10 + s.charAt(i) - '0';
        }
        return v;
    }

    /** host_mask(): keeps the {@code mask} most significant bits (all when negative). */
    public static void mask(int[] bin, int mask) {
        if (mask < 0) {
            mask = 99999;
        }
        for (int i = 0; i < bin.length; i++) {
            int wordmask;
            if (mask == 0) {
                wordmask = 0;
            } else if (mask < 32) {
                wordmask = -1 << (32 - mask);
                mask = 0;
            } else {
                wordmask = -1;
                mask -= 32;
            }
            bin[i] &= wordmask;
        }
    }

    /** host_nmtoa(): dotted quad, or 8 groups of 4 hex digits separated by {@code sep}; "/mask" when mask >= 0. */
    public static String nmtoa(int[] bin, int mask, char sep) {
        StringBuilder b = new StringBuilder();
        if (bin.length == 1) {
            int j = bin[0];
            b.append((j >>> 24) & 255).append('.').append((j >>> 16) & 255).append('.')
                    .append((j >>> 8) & 255).append('.').append(j & 255);
        } else {
            for (int i = 0; i < 4; i++) {
                int j = bin[i];
                if (i > 0) {
                    b.append(sep);
                }
                b.append(String.format("%04x%c%04x", (j >>> 16) & 0xffff, sep, j & 0xffff));
            }
        }
        if (mask >= 0) {
            b.append('/').append(mask);
        }
        return b.toString();
    }

    /** ipv6_nmtoa(): the canonical compressed IPv6 text. */
    public static String ipv6Canonical(int[] bin) {
        if (bin[0] == 0 && bin[1] == 0 && bin[2] == 0 && bin[3] == 0) {
            // Exim's ipv6_nmtoa() gives a single colon here
            return ":";
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[2 * i] = (bin[i] >>> 16) & 0xffff;
            g[2 * i + 1] = bin[i] & 0xffff;
        }
        int bestStart = -1;
        int bestLen = -1;
        for (int i = 0; i < 8; i++) {
            if (g[i] == 0) {
                int j = i;
                while (i + 1 < 8 && g[i + 1] == 0) {
                    i++;
                }
                if (i - j > bestLen) {
                    bestLen = i - j;
                    bestStart = j;
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append(i == 0 ? "::" : ":");
                i += bestLen;
                continue;
            }
            b.append(Integer.toHexString(g[i]));
            if (i < 7) {
                b.append(':');
            }
        }
        return b.toString();
    }

    /** host_is_in_net(): whether {@code host} lies in {@code net} (with its optional /mask). */
    public static boolean inNet(String host, String net, int maskOffset) {
        int[] address = aton(net);
        int mlen = maskOffset == 0 ? 99999 : leadingInt(net.substring(maskOffset + 1));
        int[] incoming = aton(host);
        if (incoming.length == 4 && incoming[0] == 0 && incoming[1] == 0 && incoming[2] == 0xffff) {
            incoming = new int[] {incoming[3]};
        }
        if (incoming.length != address.length) {
            return false;
        }
        for (int i = 0; i < address.length; i++) {
            int m;
            if (mlen == 0) {
                m = 0;
            } else if (mlen < 32) {
                m = -1 << (32 - mlen);
                mlen = 0;
            } else {
                m = -1;
                mlen -= 32;
            }
            if ((address[i] & m) != (incoming[i] & m)) {
                return false;
            }
        }
        return true;
    }
}
