package org.jexim.scan;

/** Reads {@code av_scanner}: the scanner type before the first colon, its options after it. */
final class AvScanner {
    private AvScanner() {
    }

    static ClamdScanner parse(String avScanner) throws ScanException {
        String v = avScanner == null || avScanner.isBlank() ? "sophie:/var/run/sophie" : avScanner.strip();
        int colon = v.indexOf(':');
        String type = colon < 0 ? v : v.substring(0, colon);
        if (!type.equals("clamd")) {
            throw new ScanException("unknown scanner type '" + type + "' (jexim supports clamd)");
        }
        return ClamdScanner.parse(colon < 0 ? "" : v.substring(colon + 1));
    }
}
