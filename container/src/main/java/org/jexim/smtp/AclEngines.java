package org.jexim.smtp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclServices;
import org.jexim.conf.model.Configuration;
import org.jexim.runtime.JeximRuntime;

/**
 * The ACL engine of a running configuration, with the server's services: Exim's logs, and
 * recipient/sender verification through the routers of the configure the daemon runs
 * ({@link #use}), so the server verifies as -bh and -bv do.
 */
public final class AclEngines {
    private static final Map<JeximRuntime, AclEngine> ENGINES = new ConcurrentHashMap<>();
    private static volatile Configuration daemonConfiguration;

    private AclEngines() {
    }

    /** Called by -bd before the server starts: the configure whose routers verify addresses. */
    public static void use(Configuration configuration) {
        daemonConfiguration = configuration;
        ENGINES.clear();
    }

    /** The engine for this runtime, made once. */
    public static AclEngine of(JeximRuntime runtime) {
        return ENGINES.computeIfAbsent(runtime, r -> create(r, daemonConfiguration, false));
    }

    /** An engine for {@code config}'s ACLs (routing verification when {@code config} is given). */
    public static AclEngine create(JeximRuntime runtime, Configuration config, boolean hostChecking) {
        return create(runtime, config, hostChecking, !hostChecking);
    }

    /** As above; {@code callouts}: verify callouts connect (the server, -bhc), else they are omitted (-bh). */
    public static AclEngine create(JeximRuntime runtime, Configuration config, boolean hostChecking, boolean callouts) {
        AclServices services = new AclServices(runtime, runtime::mainOption)
                .withLog(new EximAclLog())
                .withHostChecking(hostChecking);
        if (config != null) {
            services = services.withVerifier(new RoutingRecipientVerifier(config, runtime, callouts))
                    .withRates(new org.jexim.acl.ratelimit.RateFile(org.jexim.server.ServerPaths.of(config).spool()));
        }
        return new AclEngine(runtime.acls(), services);
    }
}
