package org.jexim.acl.callout;

import java.util.List;

/**
 * Where and how to call out for one routed address, as Exim's verify_address hands it to
 * do_callout(): the address, the hosts routing (or the smtp transport's {@code hosts}) chose
 * with their ports, the transport's {@code helo_data} and {@code interface} already expanded
 * (interface null for any).
 */
public record CalloutTarget(String address, String domain, List<CalloutHost> hosts, String helo, String interfaceAddress) {
    public CalloutTarget {
        hosts = List.copyOf(hosts);
    }
}
