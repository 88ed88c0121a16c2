package org.jexim.conf.expand.items;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.ExpansionParser;
import org.jexim.conf.expand.Node;
import org.jexim.conf.expand.Numbers;
import org.jexim.conf.expand.Out;
import org.jexim.conf.expand.Pcre;
import org.jexim.conf.expand.operators.TextFunctions;

/** ${tr}, ${sg}, ${hmac}, and the braced forms of ${length}, ${substr}, ${hash}, ${nhash}. */
final class StringItems {
    private StringItems() {
    }

    static void register(Map<String, ItemParser> m) {
        m.put("tr", (p, name) -> tr(p.readSubs(3, 3, true, name)));
        m.put("sg", (p, name) -> sg(p.readSubs(3, 3, true, name)));
        m.put("hmac", (p, name) -> hmac(p.readSubs(3, 3, true, name)));
        for (String n : new String[] {"length", "substr", "hash", "nhash"}) {
            m.put(n, StringItems::numbered);
        }
    }

    private static Node tr(Node[] sub) {
        return (ev, out) -> {
            Out s = ev.expand(sub[0]);
            String from = ev.expandString(sub[1]);
            String to = ev.expandString(sub[2]);
            int o2m = to.length() - 1;
            String text = s.toString();
            if (o2m >= 0) {
                char[] c = text.toCharArray();
                for (int i = 0; i < c.length; i++) {
                    int m = from.lastIndexOf(c[i]);
                    if (m >= 0) {
                        c[i] = to.charAt(Math.min(m, o2m));
                    }
                }
                text = new String(c);
            }
            out.append(text, s.tainted());
        };
    }

    private static Node numbered(ExpansionParser p, String name) throws ExpansionException {
        boolean length = name.equals("length");
        Node[] sub = p.readSubs(length ? 2 : 3, 2, true, name);
        return (ev, out) -> {
            String[] v = new String[3];
            for (int i = 0; i < sub.length; i++) {
                v[i] = ev.expandString(sub[i]);
            }
            Out last = null;
            if (v[2] == null) {
                v[2] = v[1];
                v[1] = null;
                if (length) {
                    v[1] = v[0];
                    v[0] = null;
                }
            }
            int[] val = {0, -1};
            for (int i = 0; i < 2; i++) {
                if (v[i] != null) {
                    long[] r = Numbers.strtoll(v[i], 0, 10);
                    int end = (int) r[1];
                    if (end != v[i].length() || (i != 0 && r[0] < 0) || (end == 0 && !v[i].isEmpty())) {
                        throw new ExpansionException("\"" + v[i] + "\" is not a" + (i != 0 ? " positive" : "")
                                + " number (in \"" + name + "\" expansion)");
                    }
                    val[i] = (int) r[0];
                }
            }
            String s = v[2];
            String r = switch (name) {
                case "hash" -> TextFunctions.hash(s, val[0], val[1]);
                case "nhash" -> TextFunctions.nhash(s, val[0], val[1]);
                default -> TextFunctions.substr(s, val[0], val[1]);
            };
            out.append(r, last != null && last.tainted());
        };
    }

    private static Node hmac(Node[] sub) {
        return (ev, out) -> {
            String alg = ev.expandString(sub[0]);
            String key = ev.expandString(sub[1]);
            String text = ev.expandString(sub[2]);
            String jalg = switch (alg) {
                case "md5" -> "MD5";
                case "sha1" -> "SHA-1";
                default -> throw new ExpansionException("hmac algorithm \"" + alg + "\" is not recognised");
            };
            out.append(hmacHex(jalg, bytes(key), bytes(text)));
        };
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** HMAC as Exim computes it (64-byte blocks), lower-case hex. */
    static String hmacHex(String alg, byte[] key, byte[] text) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance(alg);
            if (key.length > 64) {
                key = md.digest(key);
            }
            byte[] inner = new byte[64];
            byte[] outer = new byte[64];
            java.util.Arrays.fill(inner, (byte) 0x36);
            java.util.Arrays.fill(outer, (byte) 0x5c);
            for (int i = 0; i < key.length; i++) {
                inner[i] ^= key[i];
                outer[i] ^= key[i];
            }
            md.update(inner);
            byte[] ih = md.digest(text);
            md.update(outer);
            return HexFormat.of().formatHex(md.digest(ih));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** find(), with PCRE2's match limit ending the substitutions as no further match. */
    private static boolean findLimited(Matcher m) {
        try {
            return m.find();
        } catch (Pcre.MatchLimitException e) {
            return false;
        }
    }

    private static Node sg(Node[] sub) {
        return (ev, out) -> {
            Out subject = ev.expand(sub[0]);
            String pattern = ev.expandString(sub[1]);
            String replacement = ev.expandString(sub[2]);
            Pattern re;
            try {
                re = Pcre.compile(pattern, false);
            } catch (Pcre.RegexError e) {
                throw Pcre.expansionError(pattern, e);
            }
            Node repl = Expander.parseLenientNode(replacement);
            Object saved = ev.saveCaptures();
            // as in Exim, a failing replacement leaves the numbered variables of its match set
            String s = subject.toString();
            Matcher m = Pcre.matcher(re, s);
            StringBuilder b = new StringBuilder();
            int last = 0;
            boolean tainted = subject.tainted();
            while (findLimited(m)) {
                String[] caps = new String[Math.min(m.groupCount(), Eval.MAXN) + 1];
                for (int i = 0; i < caps.length; i++) {
                    caps[i] = m.group(i) == null ? "" : m.group(i);
                }
                ev.setCaptures(caps, subject.tainted());
                b.append(s, last, m.start());
                Out ins = ev.expand(repl);
                tainted |= ins.tainted();
                b.append(ins);
                last = m.end();
            }
            b.append(s, last, s.length());
            out.append(b, tainted);
            ev.restoreCaptures(saved);
        };
    }
}
