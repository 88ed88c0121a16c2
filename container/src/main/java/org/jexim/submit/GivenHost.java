package org.jexim.submit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host a trusted caller names with -oMa: "ip" or "ip.port" (exim.c's host_addr_extract_port:
 * an IPv4 address with a fifth component, or an IPv6 one ending ".port").
 */
record GivenHost(String ip, int port) {
    private static final Pattern WITH_PORT = Pattern.compile("(.*)\\.(\\d+)");

    static GivenHost parse(String oMa) {
        Matcher m = WITH_PORT.matcher(oMa);
        boolean v4WithPort = oMa.chars().filter(c -> c == '.').count() == 4;
        boolean v6WithPort = oMa.contains(":");
        if ((v4WithPort || v6WithPort) && m.matches()) {
            return new GivenHost(m.group(1), Integer.parseInt(m.group(2)));
        }
        return new GivenHost(oMa, 0);
    }

    /** As -H's host_address line has it: {@code [ip]:port}. */
    String spoolForm() {
        return "[" + ip + "]:" + port;
    }
}
