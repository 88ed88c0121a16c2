package org.jexim.submit;

import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;

/**
 * The Received: header Exim puts at the top of a message: the expansion of received_header_text,
 * then ";\n\t" and the date (receive.c, received_header_gen). An expansion to nothing gives no
 * header.
 */
public final class ReceivedHeader {
    private ReceivedHeader() {
    }

    /** The header with its final LF, or empty when the text expands to nothing. */
    public static java.util.Optional<String> of(String receivedHeaderText, ExpansionContext context, String date)
        throws ExpansionException {
        String text = Expander.expand(receivedHeaderText, context);
        if (text.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(text + ";\n\t" + date + "\n");
    }
}
