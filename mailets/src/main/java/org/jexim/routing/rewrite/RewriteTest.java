package org.jexim.routing.rewrite;

import java.io.PrintStream;
import org.jexim.conf.expand.AddressParser;

/** {@code -brw ADDRESS}: what each kind of rewriting makes of an address, printed as Exim's rewrite_test does. */
public final class RewriteTest {
    private static final String[] NAMES = {"  sender", "    from", "      to", "      cc", "     bcc", "reply-to",
        "env-from", "  env-to"};

    private RewriteTest() {
    }

    public static void print(Rewriter rewriter, String s, PrintStream out) {
        if (rewriter.existFlags() == 0) {
            out.println("No rewrite rules are defined");
            return;
        }
        boolean doneSmtp = false;
        if ((rewriter.existFlags() & RewriteFlags.SMTP) != 0) {
            Rewriter.Result r = rewriter.rewriteSmtp(s, true);
            if (r.changed()) {
                out.println("    SMTP: " + (r.value().isEmpty() ? "<>" : r.value()));
                doneSmtp = true;
            }
        }
        if ((rewriter.existFlags() & ~RewriteFlags.SMTP) == 0) {
            return;
        }
        String qualified = rewriter.qualify(s, true);
        AddressParser.Span span = AddressParser.extractSpan(qualified, false);
        if (span.parsed() == null) {
            if (!doneSmtp) {
                String e = span.error() == null ? "" : span.error();
                out.println("Syntax error in " + qualified + "\n"
                        + (e.isEmpty() ? "" : Character.toUpperCase(e.charAt(0)) + e.substring(1)));
            }
            return;
        }
        String recipient = span.parsed().address();
        for (int i = 0; i < 8; i++) {
            int flag = 1 << i;
            Rewriter.Result r = rewriter.rewriteOne(recipient, flag, true);
            String v = r.value();
            out.print(NAMES[i] + ": ");
            if (v.isEmpty()) {
                out.println("<>");
            } else if (r.whole() || (flag & RewriteFlags.ALL_HEADERS) == 0) {
                out.println(v);
            } else {
                out.println(qualified.substring(0, span.start()) + v + qualified.substring(span.end()));
            }
        }
    }
}
