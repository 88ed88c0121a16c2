package org.jexim.cli;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mainlog line Exim writes when its daemon starts (daemon.c):
 * {@code exim 4.96 daemon started: pid=N, no queue runs, listening for SMTP on [127.0.0.1]:{25,587}};
 * eximstats and log watchers look for it.
 */
final class DaemonStartLine {
    private DaemonStartLine() {
    }

    static String of(long pid, String queueRuns, List<InetSocketAddress> addresses) {
        Map<String, List<Integer>> byAddress = new LinkedHashMap<>();
        List<String> wildcard = new ArrayList<>();
        for (InetSocketAddress a : addresses) {
            String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
            if (host.equals("0.0.0.0")) {
                wildcard.add(" port " + a.getPort() + " (IPv4)");
            } else if (host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
                wildcard.add(" port " + a.getPort() + " (IPv6)");
            } else {
                byAddress.computeIfAbsent(host, h -> new ArrayList<>()).add(a.getPort());
            }
        }
        StringBuilder sb = new StringBuilder("exim ").append(VersionInfo.EXIM_VERSION).append(" daemon started: pid=")
            .append(pid).append(", ").append(queueRuns).append(", listening for SMTP on");
        wildcard.forEach(sb::append);
        byAddress.forEach((host, ports) -> {
            sb.append(" [").append(host).append("]:");
            if (ports.size() == 1) {
                sb.append(ports.get(0));
            } else {
                sb.append('{').append(String.join(",", ports.stream().map(String::valueOf).toList())).append('}');
            }
        });
        return sb.toString();
    }
}
