package org.jexim.dns;

import java.util.Optional;
import org.jexim.acl.AclServices;
import org.jexim.runtime.JeximRuntime;

/**
 * The DNS settings of the ACL conditions: main options of the running configuration, and the
 * JEXIM_DNS_SERVERS macro the server keeps from the configure (as -bt and routing use it).
 */
public final class AclDns {
    private AclDns() {
    }

    public static DnsSettings settings(AclServices services) {
        return DnsSettings.fromOptions(name -> services.option(name)
                .or(() -> services.lists() instanceof JeximRuntime r ? r.macro(name) : Optional.empty()),
                services.lists() == null ? org.jexim.conf.lists.NamedLists.NONE : services.lists()::namedList);
    }
}
