package org.jexim.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code av_scanner = fsecure:SOCKET} (default /var/run/.fsav): four CONFIGURE lines, each
 * answered, then "SCAN\tpath"; the report is read line by line until "OK\tScan ok.", the first
 * INFECTED line giving the virus name (Exim's malware.c, M_FSEC).
 */
final class FSecureScanner implements MalwareScanner {
    private static final List<String> CONFIGURE = List.of("CONFIGURE\tARCHIVE\t1\n", "CONFIGURE\tTIMEOUT\t0\n",
            "CONFIGURE\tMAXARCH\t5\n", "CONFIGURE\tMIME\t1\n");
    private static final Pattern INFECTED = Pattern.compile("\\S{0,5}INFECTED\\t[^\\t]*\\t([^\\t]+)\\t\\S*$");

    private final List<ScanEndpoint> endpoints;

    private FSecureScanner(List<ScanEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    static FSecureScanner parse(String options) throws ScanException {
        String address = org.jexim.conf.lists.ExiList.items(options).stream().findFirst().orElse("");
        return new FSecureScanner(DaemonAddress.parse(address.isBlank() ? "/var/run/.fsav" : address, "fsecure"));
    }

    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        try (SpooledMessage m = new SpooledMessage(message);
             ScanConnection c = DaemonAddress.connect(endpoints, timeoutMillis)) {
            for (String option : CONFIGURE) {
                c.write(option.getBytes(StandardCharsets.ISO_8859_1));
                c.readSome(1024);
            }
            c.write(("SCAN\t" + m.file() + "\n").getBytes(StandardCharsets.ISO_8859_1));
            String name = null;
            for (String line; (line = c.readLine()) != null; ) {
                if (name == null) {
                    Matcher v = INFECTED.matcher(line);
                    if (v.find()) {
                        name = v.group(1);
                    }
                }
                if (line.contains("OK\tScan ok.")) {
                    return Optional.ofNullable(name);
                }
            }
            throw new ScanException("fsecure: unable to read result (connection closed)");
        }
    }
}
