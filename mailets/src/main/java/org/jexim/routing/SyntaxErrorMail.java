package org.jexim.routing;

import java.util.List;
import org.jexim.address.MessageContent;
import org.jexim.conf.expand.HeaderKind;
import org.jexim.conf.expand.Headers;

/**
 * The mail Exim's redirect router sends to syntax_errors_to about the items skip_syntax_errors
 * skipped (moan_skipped_syntax_errors), as Exim writes it for its -t child: the References: line
 * comes after the blank line, so it is the body's first line, exactly as Exim 4.96 puts it.
 */
final class SyntaxErrorMail {
    /** One skipped item: why, and the item. */
    record Skipped(String error, String item) {
    }

    private SyntaxErrorMail() {
    }

    /**
     * The message: {@code from} is the expanded dsn_from, {@code to} the expanded syntax_errors_to,
     * {@code custom} the expanded syntax_errors_text or null, {@code some} whether addresses were generated.
     */
    static String text(String routerName, List<Skipped> skipped, String from, String to, String custom, boolean some,
                       MessageContent original) {
        StringBuilder m = new StringBuilder();
        m.append("Auto-Submitted: auto-replied\n");
        m.append("From: ").append(from).append('\n');
        m.append("To: ").append(to).append('\n');
        m.append("Subject: error(s) in forwarding or filtering\n\n");
        String references = references(original);
        if (references != null) {
            m.append("References: ").append(references).append('\n');
        }
        if (custom != null) {
            m.append(custom).append("\n\n");
        }
        m.append("The ").append(routerName).append(" router encountered the following error(s):\n\n");
        for (Skipped s : skipped) {
            m.append("  ").append(s.error());
            if (s.item() != null) {
                m.append(" in the address\n  \"").append(s.item()).append('"');
            }
            m.append("\n\n");
        }
        m.append(some ? "Other addresses were processed normally.\n" : "No valid addresses were generated.\n");
        return m.toString();
    }

    /** The original's References: followed by its Message-ID, or null when it has no Message-ID. */
    private static String references(MessageContent original) {
        if (original == null) {
            return null;
        }
        String id = Headers.value(original.headerLines(), "message-id", HeaderKind.RAW);
        if (id == null || id.isBlank()) {
            return null;
        }
        String refs = Headers.value(original.headerLines(), "references", HeaderKind.RAW);
        return (refs == null || refs.isBlank() ? "" : refs.strip() + " ") + id.strip();
    }
}
