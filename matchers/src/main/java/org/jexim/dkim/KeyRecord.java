package org.jexim.dkim;

import java.util.Base64;
import java.util.Locale;

/**
 * A DKIM key record read as Exim's pdkim_parse_pubkey_record reads it: tags split at ';',
 * v= must be DKIM1 when present, p= is required and must be base64, s= must allow email. A
 * record that fails here is "pubkey_dns_syntax"; one whose key bytes then cannot be imported
 * is "pubkey_der_syntax".
 */
final class KeyRecord {
    private KeyRecord() {
    }

    /** The p= key bytes, or null when the record is not a usable key record for Exim. */
    static byte[] keyBytes(String record) {
        if (record == null) {
            return null;
        }
        String version = null;
        String p = null;
        String service = "*";
        for (String element : record.split(";")) {
            int eq = element.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String tag = element.substring(0, eq).strip();
            String value = element.substring(eq + 1).strip();
            if (tag.isEmpty()) {
                continue;
            }
            switch (tag.charAt(0)) {
                case 'v' -> version = value;
                case 'p' -> p = value;
                case 's' -> service = value;
                default -> {
                }
            }
        }
        if (version != null && !version.equals("DKIM1") || p == null) {
            return null;
        }
        String s = service.toLowerCase(Locale.ROOT);
        if (!s.equals("*") && !s.equals("email")) {
            return null;
        }
        String b64 = p.replaceAll("\\s+", "");
        if (b64.length() % 4 != 0) {
            return null; // Exim's b64decode wants whole quanta
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
