package org.jexim.routing.rewrite;

import org.jexim.conf.expand.AddressParser;

/**
 * Exim's rewrite_one_header: each address of a Sender/From/To/Cc/Bcc/Reply-To line is
 * qualified when that is allowed and run through the rules for that header (or, for a router's
 * rewrite_headers, has its domain changed); the line keeps everything else byte for byte, and
 * a long line gets Exim's "\n\t" after a lengthened address.
 */
public final class HeaderRewriter {
    private final Rewriter rewriter;
    private final boolean qualifySenders;
    private final boolean qualifyRecipients;

    /**
     * @param qualifySenders     unqualified addresses in Sender/From/Reply-To may be qualified
     *                           (local messages, or sender_unqualified_hosts)
     * @param qualifyRecipients  the same for the other headers (recipient_unqualified_hosts)
     */
    public HeaderRewriter(Rewriter rewriter, boolean qualifySenders, boolean qualifyRecipients) {
        this.rewriter = rewriter;
        this.qualifySenders = qualifySenders;
        this.qualifyRecipients = qualifyRecipients;
    }

    /**
     * A header line as Exim holds it ("Name: value\n", continuation lines included): the
     * rewritten line, or null when nothing changed or the header carries no addresses.
     */
    public String rewrite(String line) {
        return rewrite(line, null, null);
    }

    /** With {@code routedOld}: a router's rewrite_headers, that domain becomes {@code routedNew}. */
    public String rewrite(String line, String routedOld, String routedNew) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return null;
        }
        int flag = RewriteFlags.ofHeader(line.substring(0, colon).strip());
        if (flag == 0) {
            return null;
        }
        String cur = line;
        boolean any = false;
        int lastNewline = 0;
        int s = skipSpace(cur, colon + 1);
        boolean[] group = {true, false};
        while (s < cur.length()) {
            int ss = AddressParser.findAddressEnd(cur, s, false);
            boolean terminated = ss < cur.length();
            AddressParser.Span span = AddressParser.extractSpanInGroup(cur.substring(s, ss), group);
            int sprev = s;
            s = skipSpace(cur, ss + (terminated ? 1 : 0));
            if (span.parsed() == null) {
                continue;
            }
            String recipient = span.parsed().address();
            int domain = span.parsed().domain();
            int start = span.start();
            int end = span.end();
            boolean changed;
            String replacement;
            if (routedOld != null) {
                if (domain <= 0 || !recipient.substring(domain).equalsIgnoreCase(routedOld)) {
                    continue;
                }
                recipient = recipient.substring(0, domain - 1) + "@" + routedNew;
                replacement = recipient;
                changed = true;
            } else {
                boolean isRecipient = (flag & (RewriteFlags.SENDER | RewriteFlags.FROM | RewriteFlags.REPLY_TO)) == 0;
                replacement = rewriter.qualify(recipient, isRecipient);
                changed = !replacement.equals(recipient);
                recipient = replacement;
                if (changed && !(isRecipient ? qualifyRecipients : qualifySenders)) {
                    continue;
                }
            }
            if ((rewriter.existFlags() & flag) != 0) {
                Rewriter.Result r = rewriter.rewriteOne(recipient, flag, true);
                if (r.changed()) {
                    replacement = r.value();
                    changed = true;
                    if (r.whole()) {
                        start = 0;
                        end = ss - sprev;
                        if (end > 0 && cur.charAt(sprev + end - 1) == '\n') {
                            end--;
                        }
                    }
                }
            }
            if (!changed) {
                continue;
            }
            any = true;
            int newLen = replacement.length();
            int oldLen = end - start;
            StringBuilder t = new StringBuilder(cur.substring(0, sprev + start)).append(replacement);
            if (s - (sprev + end) > 0) {
                t.append(cur, sprev + end, s);
            }
            if (newLen > oldLen && t.length() - lastNewline > 40) {
                int p = s - 1;
                while (p >= 0 && (cur.charAt(p) == ' ' || cur.charAt(p) == '\t')) {
                    p--;
                }
                if (p < 0 || cur.charAt(p) != '\n') {
                    lastNewline = t.length();
                    t.append("\n\t");
                }
            }
            int rest = s - oldLen + newLen;
            t.append(cur.substring(s));
            cur = t.toString();
            s = rest;
        }
        return any ? cur : null;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
