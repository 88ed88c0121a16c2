package org.jexim.acl;

/**
 * Exim's setup_header(): the text of {@code add_header} (or of {@code message} under
 * {@code warn}) split into header lines, each optionally led by {@code :at_start:},
 * {@code :at_end:}, {@code :after_received:} or {@code :at_start_rfc:}; a line without a
 * header name becomes an {@code X-ACL-Warn:} header.
 */
public final class HeaderText {
    private HeaderText() {
    }

    /** Adds the header lines of {@code text} to {@code effects}. */
    public static void add(String text, AclEffects effects) {
        String h = text;
        while (h.startsWith("\n")) {
            h = h.substring(1);
        }
        if (h.isEmpty()) {
            return;
        }
        while (h.endsWith("\n\n")) {
            h = h.substring(0, h.length() - 1);
        }
        if (!h.endsWith("\n")) {
            h = h + "\n";
        }
        int p = 0;
        while (p < h.length()) {
            int q = p;
            for (;;) {
                q = h.indexOf('\n', q) + 1;
                if (q >= h.length() || (h.charAt(q) != ' ' && h.charAt(q) != '\t')) {
                    break;
                }
            }
            String line = h.substring(p, q);
            p = q;
            AclEffects.Placement placement = AclEffects.Placement.AT_END;
            if (line.startsWith(":")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith(":after_received:")) {
                    placement = AclEffects.Placement.AFTER_RECEIVED;
                    line = line.substring(16);
                } else if (lower.startsWith(":at_start_rfc:")) {
                    placement = AclEffects.Placement.AT_START_RFC;
                    line = line.substring(14);
                } else if (lower.startsWith(":at_start:")) {
                    placement = AclEffects.Placement.AT_START;
                    line = line.substring(10);
                } else if (lower.startsWith(":at_end:")) {
                    line = line.substring(8);
                }
                line = line.replaceFirst("^[ \t]+", "");
            }
            int s = 0;
            while (s < line.length() - 1 && line.charAt(s) != ':' && line.charAt(s) > ' ' && line.charAt(s) < 127) {
                s++;
            }
            boolean named = s < line.length() && line.charAt(s) == ':';
            effects.addHeader((named ? "" : "X-ACL-Warn: ") + line, placement);
        }
    }
}
