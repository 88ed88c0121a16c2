package org.jexim.scan;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which spamd servers are tried, as Exim's spamd_get_server: among the servers
 * usable now, the highest {@code pri=} first, and within one priority a random pick biased by
 * {@code weight=}; a server that failed is not tried again for the same message.
 */
final class ServerChooser {
    private final RandomGenerator random;

    ServerChooser(RandomGenerator random) {
        this.random = random;
    }

    List<SpamdServer> order(List<SpamdServer> servers, LocalTime now) {
        List<SpamdServer> left = new ArrayList<>();
        for (SpamdServer s : servers) {
            if (s.usableAt(now)) {
                left.add(s);
            }
        }
        List<SpamdServer> order = new ArrayList<>();
        while (!left.isEmpty()) {
            int pri = left.stream().mapToInt(SpamdServer::priority).max().orElseThrow();
            List<SpamdServer> top = left.stream().filter(s -> s.priority() == pri).toList();
            SpamdServer pick = weighted(top);
            order.add(pick);
            left.remove(pick);
        }
        return order;
    }

    private SpamdServer weighted(List<SpamdServer> top) {
        long total = 0;
        for (SpamdServer s : top) {
            total += Math.max(s.weight(), 0);
        }
        if (total <= 0) {
            return top.get(0);
        }
        long r = random.nextLong(total);
        for (SpamdServer s : top) {
            r -= Math.max(s.weight(), 0);
            if (r < 0) {
                return s;
            }
        }
        return top.get(top.size() - 1);
    }
}
