package org.jexim.conf.expand.operators;

import java.util.Map;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Numbers;
import org.jexim.conf.expand.Printing;

/** base32, base32d, base62, base62d, base64 / str2b64, base64d, hex2b64, hexquote, escape, escape8bit. */
final class EncodingOperators {
    static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private EncodingOperators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("base32", (ev, name, arg, in, out) -> {
            long n = decimal(in.toString(), "base32");
            StringBuilder b = new StringBuilder();
            for (; n != 0; n >>>= 5) {
                b.append(BASE32.charAt((int) (n & 0x1f)));
            }
            out.append(b.reverse(), in.tainted());
        });
        m.put("base32d", (ev, name, arg, in, out) -> out.append(Long.toString(decode(in.toString(), BASE32, 32,
                "argument for base32d operator is \"" + in + "\", which is not a base 32 number")), in.tainted()));
        m.put("base62", (ev, name, arg, in, out) -> {
            long n = decimal(in.toString(), "base62");
            char[] r = new char[6];
            for (int i = 5; i >= 0; i--) {
                r[i] = BASE62.charAt((int) Long.remainderUnsigned(n, 62));
                n = Long.divideUnsigned(n, 62);
            }
            out.append(new String(r), in.tainted());
        });
        m.put("base62d", (ev, name, arg, in, out) -> out.append(Long.toString(decode(in.toString(), BASE62, 62,
                "argument for base62d operator is \"" + in + "\", which is not a base 62 number")), in.tainted()));
        Operator b64 = (ev, name, arg, in, out) -> out.append(Base64Codec.encode(in.toString()), in.tainted());
        m.put("base64", b64);
        m.put("str2b64", b64);
        m.put("base64d", (ev, name, arg, in, out) -> {
            String d = Base64Codec.decode(in.toString());
            if (d == null) {
                throw new ExpansionException("string \"" + in + "\" is not well-formed for \"" + name + "\" operator");
            }
            int nul = d.indexOf('\0');
            out.append(nul >= 0 ? d.substring(0, nul) : d, in.tainted());
        });
        m.put("hex2b64", (ev, name, arg, in, out) -> {
            String s = in.toString();
            for (int i = 0; i < s.length(); i++) {
                if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 127) {
                    throw new ExpansionException("\"" + s + "\" is not a hex string");
                }
            }
            if ((s.length() & 1) != 0) {
                throw new ExpansionException("\"" + s + "\" contains an odd number of characters");
            }
            StringBuilder bytes = new StringBuilder();
            for (int i = 0; i < s.length(); i += 2) {
                bytes.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
            }
            out.append(Base64Codec.encode(bytes.toString()), in.tainted());
        });
        m.put("hexquote", (ev, name, arg, in, out) -> {
            StringBuilder b = new StringBuilder();
            for (char c : in.toString().toCharArray()) {
                if (c < 0x21 || c > 0x7e) {
                    b.append(String.format("\\x%02x", (int) c & 0xff));
                } else {
                    b.append(c);
                }
            }
            out.append(b, in.tainted());
        });
        m.put("escape", (ev, name, arg, in, out) -> out.append(Printing.printing(in.toString()), in.tainted()));
        m.put("escape8bit", (ev, name, arg, in, out) -> {
            StringBuilder b = new StringBuilder();
            for (char c : in.toString().toCharArray()) {
                if (c < 127 && c != '\\') {
                    b.append(c);
                } else {
                    b.append(String.format("\\%03o", (int) c & 0xff));
                }
            }
            out.append(b, in.tainted());
        });
    }

    /** Ustrtoul(sub, &t, 10) with the whole string consumed. */
    private static long decimal(String s, String op) throws ExpansionException {
        long[] r = Numbers.strtoll(s, 0, 10);
        boolean ok = r[1] == s.length() && (s.length() > 0 && r[1] > 0 || s.isEmpty());
        if (!ok) {
            throw new ExpansionException("argument for " + op + " operator is \"" + s + "\", which is not a decimal number");
        }
        return r[0];
    }

    private static long decode(String s, String alphabet, int base, String error) throws ExpansionException {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = alphabet.indexOf(s.charAt(i));
            if (d < 0) {
                throw new ExpansionException(error);
            }
            n = n * base + d;
        }
        return n;
    }
}
