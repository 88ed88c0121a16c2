package org.jexim.scan;

/** Reads {@code av_scanner}: the scanner type before the first colon, its options after it. */
final class AvScanner {
    private AvScanner() {
    }

    static MalwareScanner parse(String avScanner) throws ScanException {
        String v = avScanner == null || avScanner.isBlank() ? "sophie:/var/run/sophie" : avScanner.strip();
        int colon = v.indexOf(':');
        String type = colon < 0 ? v : v.substring(0, colon);
        String options = colon < 0 ? "" : v.substring(colon + 1);
        return switch (type) {
            case "clamd" -> ClamdScanner.parse(options);
            case "cmdline" -> CmdlineScanner.parse(options);
            case "sock" -> SockScanner.parse(options);
            case "sophie" -> SophieScanner.parse(options);
            case "f-prot6d" -> FProt6dScanner.parse(options);
            case "f-protd" -> FProtdScanner.parse(options);
            case "fsecure" -> FSecureScanner.parse(options);
            case "drweb" -> DrwebScanner.parse(options);
            case "avast" -> AvastScanner.parse(options);
            default -> throw new ScanException("unknown scanner type '" + type
                    + "' (jexim supports clamd, cmdline, sock, sophie, f-prot6d, f-protd, fsecure, drweb, avast)");
        };
    }
}
