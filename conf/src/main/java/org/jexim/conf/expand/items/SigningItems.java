package org.jexim.conf.expand.items;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.expand.AddressParser;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Node;
import org.jexim.conf.lists.Ascii;

/** ${prvs}, ${prvscheck} (BATV signing), ${srs_encode} (SRS), ${imapfolder} (IMAP modified UTF-7). */
final class SigningItems {
    private static final Pattern PRVS = Pattern.compile("^prvs=([0-9])([0-9]{3})([A-F0-9]{6})=(.+)@(.+)$",
            Pattern.CASE_INSENSITIVE);

    private SigningItems() {
    }

    static void register(Map<String, ItemParser> m) {
        m.put("prvs", (p, name) -> prvs(p.readSubs(3, 2, true, name)));
        m.put("prvscheck", (p, name) -> prvscheck(p.readSubs(10, 2, true, name)));
        m.put("srs_encode", (p, name) -> srsEncode(p.readSubs(3, 3, true, name)));
        m.put("imapfolder", (p, name) -> {
            Node[] sub = p.readSubs(3, 1, true, name);
            return (ev, out) -> {
                String folder = ev.expandString(sub[0]);
                String sep = sub.length > 1 ? ev.expandString(sub[1]) : "/";
                String specials = sub.length > 2 ? ev.expandString(sub[2]) : null;
                if (sep.length() != 1) {
                    throw new ExpansionException("IMAP folder separator must be one character, found \"" + sep + "\"");
                }
                out.append(ImapUtf7.encode(folder, sep.charAt(0), sub.length > 1 ? specials : null));
            };
        });
    }

    /** The last three digits of the day number, as prvs_daystamp(). */
    static String daystamp(int offset) {
        long days = (System.currentTimeMillis() / 1000 + offset * 86400L) / 86400;
        String d = Long.toString(days);
        return d.length() >= 3 ? d.substring(d.length() - 3) : "100";
    }

    /** prvs_hmac_sha1(): the first three bytes of the HMAC in lower-case hex; null for keys over 64 bytes. */
    static String prvsHash(String address, String key, String keyNum, String daystamp) {
        if (key.length() > 64) {
            return null;
        }
        String source = (keyNum == null ? "0" : keyNum.substring(0, 1)) + daystamp + address;
        String hex = StringItems.hmacHex("SHA-1", key.getBytes(StandardCharsets.ISO_8859_1),
                source.getBytes(StandardCharsets.ISO_8859_1));
        return hex.substring(0, 6);
    }

    private static Node prvs(Node[] sub) {
        return (ev, out) -> {
            String address = ev.expandString(sub[0]);
            String key = ev.expandString(sub[1]);
            String keyNum = sub.length > 2 ? ev.expandString(sub[2]) : null;
            int at = address.lastIndexOf('@');
            if (at <= 0 || at == address.length() - 1) {
                throw new ExpansionException("prvs first argument must be a qualified email address");
            }
            if (keyNum != null && (keyNum.length() != 1 || !Character.isDigit(keyNum.charAt(0)))) {
                throw new ExpansionException("prvs third argument must be a single digit");
            }
            String day = daystamp(7);
            String hash = prvsHash(address, key, keyNum, day);
            if (hash == null) {
                throw new ExpansionException("prvs hmac-sha1 conversion failed");
            }
            out.append("prvs=" + (keyNum == null ? "0" : keyNum) + day + hash + "="
                    + address.substring(0, at) + "@" + address.substring(at + 1));
        };
    }

    private static Node prvscheck(Node[] sub) {
        return (ev, out) -> {
            ev.setVariable("prvscheck_result", "");
            ev.setVariable("prvscheck_address", "");
            ev.setVariable("prvscheck_keynum", "");
            String address = ev.expandString(sub[0]);
            Matcher m = PRVS.matcher(address);
            if (sub.length > 3) {
                // Exim reads the rest one argument at a time, after looking at the address
                if (m.matches()) {
                    ev.setVariable("prvscheck_address", m.group(4) + "@" + m.group(5));
                    ev.setVariable("prvscheck_keynum", m.group(1));
                }
                ev.expandString(sub[1]);
                throw new ExpansionException("Too many arguments for 'prvscheck' (max is " + (m.matches() ? 1 : 2) + ")");
            }
            if (!m.matches()) {
                ev.expandString(sub[1]);
                if (sub.length > 2) {
                    ev.expandString(sub[2]);
                }
                return;
            }
            String local = m.group(4);
            String keyNum = m.group(1);
            String day = m.group(2);
            String hash = m.group(3);
            String decoded = local + "@" + m.group(5);
            ev.setVariable("prvscheck_address", decoded);
            ev.setVariable("prvscheck_keynum", keyNum);
            String key = ev.expandString(sub[1]);
            String want = prvsHash(decoded, key, keyNum, day);
            if (want == null) {
                throw new ExpansionException("hmac-sha1 conversion failed");
            }
            String result = "";
            if (want.equals(hash)) {
                int now = Integer.parseInt(daystamp(0));
                int expire = Integer.parseInt(day);
                if (expire < 7 && now >= 993) {
                    now = 0;
                }
                if (expire >= now) {
                    result = "1";
                }
            }
            ev.setVariable("prvscheck_result", result);
            String third = sub.length > 2 ? ev.expandString(sub[2]) : "";
            out.append(third.isEmpty() ? decoded : third);
            ev.setVariable("prvscheck_address", "");
            ev.setVariable("prvscheck_keynum", "");
        };
    }

    /** Exim's hmac_md5() truncated to four hex digits, as SRS uses it. */
    static String srsHash(String secret, String text) {
        return StringItems.hmacHex("MD5", secret.getBytes(StandardCharsets.ISO_8859_1),
                text.getBytes(StandardCharsets.ISO_8859_1)).substring(0, 4);
    }

    private static Node srsEncode(Node[] sub) {
        return (ev, out) -> {
            String secret = ev.expandString(sub[0]);
            String returnPath = ev.expandString(sub[1]);
            String origDomain = ev.expandString(sub[2]);
            if (returnPath.isEmpty()) {
                return;
            }
            StringBuilder g = new StringBuilder("SRS0=");
            g.append(srsHash(secret, Ascii.lower(returnPath))).append('=');
            long day = (System.currentTimeMillis() / 1000 / 86400) & 0x3ff;
            StringBuilder h = new StringBuilder();
            for (long i = day; i != 0; i >>= 5) {
                h.append("abcdefghijklmnopqrstuvwxyz234567".charAt((int) (i & 0x1f)));
            }
            g.append(h.reverse()).append('=');
            String[] err = new String[1];
            AddressParser.Parsed a = AddressParser.extract(returnPath, err);
            if (a == null) {
                throw new ExpansionException(err[0] == null ? "" : err[0]);
            }
            if (a.domain() > 0) {
                g.append(a.domainPart());
            }
            g.append('=');
            String lp = a.localPart();
            boolean quoted = lp.indexOf('"') >= 0;
            if (quoted) {
                lp = lp.replace("\"", "");
            }
            g.append(lp);
            if (quoted) {
                out.append("\"").append(g).append("\"");
            } else {
                out.append(g);
            }
            out.append("@").append(origDomain);
        };
    }
}
