package org.jexim.spf;

import org.jexim.conf.lookup.LookupEnv;
import org.jexim.conf.lookup.LookupException;
import org.jexim.conf.lookup.LookupType;
import org.jexim.dns.DnsSettings;

/**
 * The {@code spf} lookup, {@code ${lookup {user@domain} spf {IP}}}: the SPF result for that
 * sender and client address, as the {@code spf} condition's {@code $spf_result} words it.
 * Registered with the standard lookups through java.util.ServiceLoader.
 */
public final class SpfLookup implements LookupType {
    @Override
    public String name() {
        return "spf";
    }

    @Override
    public Style style() {
        return Style.SINGLE_KEY;
    }

    @Override
    public String find(String file, String key, String opts, LookupEnv env) throws LookupException {
        int at = key.lastIndexOf('@');
        String domain = at < 0 ? key : key.substring(at + 1);
        SpfChecker checker = new SpfChecker(DnsSettings.fromOptions(env::option),
                env.option("primary_hostname").orElse("localhost"));
        return checker.check(file.strip(), key, domain, false).result();
    }

    @Override
    public boolean cacheable() {
        return false;
    }
}
