package org.jexim.queuetools;

import java.io.IOException;

/** A -H file that Exim's spool reader would reject (its ERRNO_SPOOLFORMAT). */
public final class SpoolFormatException extends IOException {
    public SpoolFormatException(String message) {
        super(message);
    }
}
