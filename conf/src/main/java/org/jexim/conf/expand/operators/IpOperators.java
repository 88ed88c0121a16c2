package org.jexim.conf.expand.operators;

import java.util.Map;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.IpAddress;

/** mask (and mask_n), ipv6norm, ipv6denorm, reverse_ip. */
final class IpOperators {
    private IpOperators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("mask", (ev, name, arg, in, out) -> {
            String sub = in.toString();
            int[] c = IpAddress.check(sub, true);
            int type = c[0];
            int maskoffset = c[1];
            if (type == 0) {
                throw new ExpansionException("\"" + sub + "\" is not an IP address");
            }
            if (maskoffset == 0) {
                throw new ExpansionException("missing mask value in \"" + sub + "\"");
            }
            String m2 = sub.substring(maskoffset + 1);
            long mask;
            try {
                mask = Long.parseLong(m2);
            } catch (NumberFormatException e) {
                mask = -1;
            }
            if (mask < 0 || mask > (type == 4 ? 32 : 128)) {
                throw new ExpansionException("mask value too big in \"" + sub + "\"");
            }
            boolean normalised = arg != null && arg.startsWith("n");
            int[] bin = IpAddress.aton(sub.substring(0, maskoffset));
            IpAddress.mask(bin, (int) mask);
            if (type == 4 || !normalised) {
                out.append(IpAddress.nmtoa(bin, (int) mask, '.'), in.tainted());
            } else {
                out.append(IpAddress.ipv6Canonical(bin) + "/" + mask, in.tainted());
            }
        });
        m.put("ipv6norm", (ev, name, arg, in, out) -> out.append(IpAddress.ipv6Canonical(v6(in.toString())), in.tainted()));
        m.put("ipv6denorm", (ev, name, arg, in, out) -> out.append(IpAddress.nmtoa(v6(in.toString()), -1, ':'), in.tainted()));
        m.put("reverse_ip", (ev, name, arg, in, out) -> {
            String sub = in.toString();
            if (IpAddress.check(sub, true)[0] == 0) {
                throw new ExpansionException("reverse_ip() not given an IP address [" + sub + "]");
            }
            out.append(reverse(sub), in.tainted());
        });
    }

    private static int[] v6(String sub) throws ExpansionException {
        int type = IpAddress.version(sub);
        if (type == 0) {
            throw new ExpansionException("\"" + sub + "\" is not an IP address");
        }
        if (type == 6) {
            return IpAddress.aton(sub);
        }
        return new int[] {0, 0, 0xffff, IpAddress.aton(sub)[0]};
    }

    /** Exim's invert_address(): reversed dotted quad, or reversed nibbles, without the final dot. */
    static String reverse(String address) {
        String a = address.startsWith("::ffff:") ? address.substring(7) : address;
        int[] bin = IpAddress.aton(a);
        StringBuilder b = new StringBuilder();
        if (bin.length == 1) {
            int x = bin[0];
            for (int i = 0; i < 4; i++) {
                b.append(x & 255).append('.');
                x >>>= 8;
            }
        } else {
            for (int j = 3; j >= 0; j--) {
                int x = bin[j];
                for (int i = 0; i < 8; i++) {
                    b.append(Integer.toHexString(x & 15)).append('.');
                    x >>>= 4;
                }
            }
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
