package org.jexim.conf.expand.conditions;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.expand.Eval;
import org.jexim.conf.lists.Ascii;

/** The inbound_srs condition: decodes an SRS0 local part into $srs_recipient and checks its hash and age. */
final class Srs {
    private static final Pattern SRS0 = Pattern.compile("^SRS0=([^=]+)=([A-Z2-7]+)=([^=]*)=(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private Srs() {
    }

    static boolean inbound(Eval ev, String localPart, String secret) {
        Matcher m = SRS0.matcher(localPart);
        if (!m.find()) {
            return false;
        }
        boolean quoting = localPart.startsWith("\"");
        if (!quoting) {
            for (char c : localPart.toCharArray()) {
                if (!(c < 128 && Character.isLetterOrDigit(c)) && ".!#$%&'*+-/=?^_`{|}~".indexOf(c) < 0) {
                    quoting = true;
                    break;
                }
            }
        }
        String q = quoting ? "\"" : "";
        String recipient = q + Ascii.lower(m.group(4)) + q + "@" + Ascii.lower(m.group(3));
        ev.setVariable("srs_recipient", recipient);
        if (secret.isEmpty()) {
            return true;
        }
        long d = 0;
        for (char c : m.group(2).toCharArray()) {
            d = d * 32 + BASE32.indexOf(Character.toLowerCase(c));
        }
        long now = System.currentTimeMillis() / 1000 / 86400;
        if (((now - d) & 0x3ff) > 10) {
            return false;
        }
        if (m.group(1).length() != 4) {
            return false;
        }
        String hash = hmacMd5Hex(secret, recipient).substring(0, 4);
        return hash.equals(m.group(1));
    }

    private static String hmacMd5Hex(String key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacMD5");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.ISO_8859_1), "HmacMD5"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
