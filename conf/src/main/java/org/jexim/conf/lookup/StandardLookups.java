package org.jexim.conf.lookup;

/** Registers the lookup types beyond the lsearch family. */
final class StandardLookups {
    private StandardLookups() {
    }

    static void addTo(Lookups lookups) {
        org.jexim.conf.lookup.ldap.LdapLookup.types().forEach(lookups::add);
        org.jexim.conf.lookup.nis.NisLookup.types().forEach(lookups::add);
        SqlLookup.addTo(lookups);
        lookups.add(new DsearchLookup());
        lookups.add(new CdbLookup());
        lookups.add(new PasswdLookup());
        lookups.add(new JsonLookup());
        lookups.add(new DnsdbLookup());
        DbmLookup.addTo(lookups);
        // lookup types of other jexim modules (the spf lookup lives with the SPF engine in matchers)
        java.util.ServiceLoader.load(LookupType.class, StandardLookups.class.getClassLoader()).forEach(lookups::add);
    }
}
