package org.jexim.conf.options;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The default of primary_hostname, found as Exim finds it: the node name, and when it has no
 * dot, the canonical name the hosts file gives it (IPv6 entries first, as gethostbyname2 tries).
 */
public final class DefaultHostName {
    private DefaultHostName() {
    }

    /** The name, as Exim's primary_hostname default. */
    public static String primaryHostName() {
        String node = nodeName();
        if (node.indexOf('.') >= 0) {
            return node;
        }
        return canonical(node, readHosts(Path.of("/etc/hosts")));
    }

    /** The first name of the first hosts-file line naming {@code node}, IPv6 lines first. */
    static String canonical(String node, List<String> hostsLines) {
        for (boolean v6 : new boolean[] {true, false}) {
            for (String raw : hostsLines) {
                String line = raw.replaceAll("#.*", "").strip();
                String[] f = line.split("\\s+");
                if (f.length < 2 || f[0].contains(":") != v6) {
                    continue;
                }
                for (int i = 1; i < f.length; i++) {
                    if (f[i].equals(node)) {
                        return f[1];
                    }
                }
            }
        }
        return node;
    }

    private static String nodeName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "localhost";
            }
        }
    }

    private static List<String> readHosts(Path hosts) {
        try {
            return Files.readAllLines(hosts);
        } catch (IOException e) {
            return List.of();
        }
    }
}
