package org.jexim.scan;

import java.io.IOException;

/** A scanner could not give an answer (down, slow, unparsable reply): Exim's DEFER. */
public final class ScanException extends IOException {
    public ScanException(String message) {
        super(message);
    }

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
