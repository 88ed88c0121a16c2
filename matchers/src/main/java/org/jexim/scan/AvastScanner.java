package org.jexim.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.lists.ExiList;

/**
 * {@code av_scanner = avast:ADDRESS:OPTION:...} (default /var/run/avast/scan.sock), avast's
 * line protocol as Exim's malware.c (M_AVAST) drives it: after the daemon's 220 each option is
 * sent and must get a 200 (210 ... blocks skipped), then "SCAN directory"; report lines are
 * clean ([+]), infected ([L], the name unescaped) or errors ([E], counted as the malware name
 * unless the option pass_unscanned is given); a final 2xx line ends the scan, anything else
 * defers.
 */
final class AvastScanner implements MalwareScanner {
    private static final Pattern CLEAN = Pattern.compile("(?!\\\\)\\t\\[\\+\\]");
    private static final Pattern VIRUS = Pattern.compile("(?!\\\\)\\t\\[L\\]\\d+\\.0\\t0\\s(.*)");
    private static final Pattern ERROR = Pattern.compile("(?!\\\\)\\t\\[E\\]\\d+\\.0\\tError\\s\\d+\\s(.*)");

    private final List<ScanEndpoint> endpoints;
    private final List<String> options;
    private final boolean strict;

    private AvastScanner(List<ScanEndpoint> endpoints, List<String> options, boolean strict) {
        this.endpoints = endpoints;
        this.options = options;
        this.strict = strict;
    }

    static AvastScanner parse(String text) throws ScanException {
        List<String> items = ExiList.items(text);
        String address = items.isEmpty() || items.get(0).isBlank() ? "/var/run/avast/scan.sock" : items.get(0);
        List<String> options = new ArrayList<>();
        boolean strict = true;
        for (String o : items.size() > 1 ? items.subList(1, items.size()) : List.<String>of()) {
            if (o.equals("pass_unscanned")) {
                strict = false;
            } else {
                options.add(o);
            }
        }
        return new AvastScanner(DaemonAddress.parse(address, "avast"), List.copyOf(options), strict);
    }

    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        try (SpooledMessage m = new SpooledMessage(message);
             ScanConnection c = DaemonAddress.connect(endpoints, timeoutMillis)) {
            int nextOption = 0;
            boolean greeted = false;
            boolean scanning = false;
            boolean moreData = false;
            String name = null;
            String line;
            while ((line = c.readLine()) != null && !line.isEmpty()) {
                boolean digit = Character.isDigit(line.charAt(0));
                if (line.startsWith("210")) {
                    moreData = true;
                    continue;
                } else if (moreData && digit) {
                    moreData = false;
                }
                if (!scanning) {
                    if (moreData) {
                        continue;
                    }
                    if (!line.startsWith(greeted ? "200" : "220")) {
                        break; // the greeting must be 220, each option's answer 200
                    }
                    greeted = true;
                    String request;
                    if (nextOption < options.size()) {
                        request = options.get(nextOption++) + "\n";
                    } else {
                        request = "SCAN " + m.dir() + "\n";
                        scanning = true;
                    }
                    c.write(request.getBytes(StandardCharsets.ISO_8859_1));
                    continue;
                }
                if (digit) {
                    break;
                }
                if (name != null || CLEAN.matcher(line).find()) {
                    continue;
                }
                Matcher v = VIRUS.matcher(line);
                if (v.find()) {
                    name = unescape(v.group(1));
                    continue;
                }
                Matcher e = ERROR.matcher(line);
                if (e.find()) {
                    if (strict) {
                        name = unescape(e.group(1));
                    }
                    continue;
                }
                break; // an unexpected response
            }
            String error = line == null ? "EOF from scanner" : line.isEmpty() ? "got nothing from scanner"
                    : line.charAt(0) != '2' ? line : null;
            c.write("QUIT\n".getBytes(StandardCharsets.ISO_8859_1));
            if (error != null) {
                throw new ScanException("avast: " + error);
            }
            return Optional.ofNullable(name);
        }
    }

    /** avast escapes white space and backslashes with a backslash. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                ch = s.charAt(++i);
            }
            out.append(ch);
        }
        return out.toString();
    }
}
