package org.jexim.address;

import java.util.List;

/** The message being routed, for the routers that read it (Exim and Sieve filters): header lines and body. */
public interface MessageContent {
    /** The header lines as received, each "Name: value\n" with its continuation lines. */
    List<String> headerLines();

    /** The body, one char per byte. */
    String body();
}
