package org.jexim.acl;

import java.util.Optional;
import java.util.function.Function;
import org.jexim.lists.ListContext;

/**
 * What the ACL conditions need from the running configuration and the server around them:
 * named lists, main options, the recipient verifier (routing), the logs. Built once per
 * configuration; each {@code with...} gives a copy with one more service.
 */
public final class AclServices {
    private final ListContext lists;
    private final Function<String, Optional<String>> options;
    private final RecipientVerifier verifier;
    private final AclLog log;
    private final boolean hostChecking;
    /** Null: the DNS under this configuration's rules, made on first use. */
    private org.jexim.conf.lists.HostResolver resolver;
    private org.jexim.acl.ratelimit.RateStore rates = org.jexim.acl.ratelimit.RateStore.inMemory();

    public AclServices(ListContext lists, Function<String, Optional<String>> options) {
        this(lists, options, null, AclLog.NONE, false);
    }

    private AclServices(ListContext lists, Function<String, Optional<String>> options, RecipientVerifier verifier,
                        AclLog log, boolean hostChecking) {
        this.lists = lists;
        this.options = options;
        this.verifier = verifier;
        this.log = log;
        this.hostChecking = hostChecking;
    }

    /** Lists only, no options: for tests and tools without a configuration. */
    public static AclServices of(ListContext lists) {
        return new AclServices(lists, name -> Optional.empty());
    }

    public AclServices withVerifier(RecipientVerifier recipientVerifier) {
        return new AclServices(lists, options, recipientVerifier, log, hostChecking).resolver(resolver).rates(rates);
    }

    public AclServices withLog(AclLog aclLog) {
        return new AclServices(lists, options, verifier, aclLog, hostChecking).resolver(resolver).rates(rates);
    }

    /** For -bh: delays are skipped, nothing is sent to other hosts unless -bhc allows callouts. */
    public AclServices withHostChecking(boolean checking) {
        return new AclServices(lists, options, verifier, log, checking).resolver(resolver).rates(rates);
    }

    /** The DNS behind verify = reverse_host_lookup, helo and csa (a test server in tests). */
    public AclServices withResolver(org.jexim.conf.lists.HostResolver hostResolver) {
        AclServices copy = new AclServices(lists, options, verifier, log, hostChecking).rates(rates);
        copy.resolver = hostResolver;
        return copy;
    }

    private AclServices resolver(org.jexim.conf.lists.HostResolver r) {
        this.resolver = r;
        return this;
    }

    /** The ratelimit hints database (SPOOL/db/ratelimit in the server; in memory by default). */
    public AclServices withRates(org.jexim.acl.ratelimit.RateStore store) {
        AclServices copy = new AclServices(lists, options, verifier, log, hostChecking).resolver(resolver);
        copy.rates = store;
        return copy;
    }

    private AclServices rates(org.jexim.acl.ratelimit.RateStore store) {
        this.rates = store;
        return this;
    }

    public org.jexim.acl.ratelimit.RateStore rates() {
        return rates;
    }

    public org.jexim.conf.lists.HostResolver resolver() {
        if (resolver == null) {
            resolver = new DnsOnlyResolver(org.jexim.conf.lookup.Dns.Rules.of(this::option));
        }
        return resolver;
    }

    /** Whether this is a -bh/-bhc session rather than a real one. */
    public boolean hostChecking() {
        return hostChecking;
    }

    public ListContext lists() {
        return lists;
    }

    /** A main option as written in the configure (unexpanded), empty when unset. */
    public Optional<String> option(String name) {
        return options.apply(name);
    }

    /** The routing behind {@code verify = recipient}; null where there is none (verification defers). */
    public RecipientVerifier verifier() {
        return verifier;
    }

    public AclLog log() {
        return log;
    }
}
