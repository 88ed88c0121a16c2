package org.jexim.conf.expand;

import java.util.Optional;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.lookup.Lookups;

/**
 * What an expansion can see: variables by name (without the $), and the configuration it runs
 * in (named lists, lookups). Implementations exist for -be, for routing one address, and for
 * an SMTP session.
 */
public interface ExpansionContext {
    /** The value of $name, or empty when the variable is unknown here. */
    Optional<String> variable(String name);

    /**
     * Whether $name holds data from the message, the envelope or the SMTP session (Exim's
     * taint). Values a lookup or list match returned ($domain_data, $local_part_data) are not.
     */
    default boolean tainted(String name) {
        return false;
    }

    /** A header of the message being handled, without its trailing colon; empty when absent. */
    default Optional<String> header(String name, HeaderKind kind) {
        return Optional.empty();
    }

    /** The TLS certificate behind $tls_in_peercert, $tls_in_ourcert, $tls_out_peercert, $tls_out_ourcert. */
    default Optional<java.security.cert.X509Certificate> certificate(String variable) {
        return Optional.empty();
    }

    /**
     * The numbered variables ($0, $1 ...) an expansion starts with: a filter's "matches"
     * condition sets them for the commands that follow; none by default.
     */
    default String[] captures() {
        return null;
    }

    /**
     * Receives the numbered variables an expansion ended with: Exim never resets them between
     * expansions, so -be hands them to the next line; ignored by default.
     */
    default void keepCaptures(String[] captures) {
    }

    /** The named lists of the configuration ({@code +name} in lists). */
    default NamedLists namedLists() {
        return NamedLists.NONE;
    }

    /** The lookup types and their caches. */
    default Lookups lookups() {
        return Lookups.standard();
    }

    /** Runs an ACL for {@code ${acl}} and the {@code acl} condition; none by default. */
    default AclRunner acls() {
        return AclRunner.NONE;
    }

    /**
     * Records a variable an expansion item sets as a side effect ($runrc after ${run},
     * $prvscheck_address..., $srs_recipient); contexts that outlive one expansion keep it.
     */
    default void setVariable(String name, String value) {
    }

    /**
     * Exim's search cache for this context (lookup results by type, file and key until the
     * context ends); null when lookups are not cached here.
     */
    default java.util.Map<String, Object> lookupCache() {
        return null;
    }

    /** The backends of the pam, ldapauth and saslauthd conditions. */
    default AuthBackends authBackends() {
        return AuthBackends.DEFAULT;
    }

    /** Main options that expansion items read (prvs secrets aside): e.g. jdbc_servers. */
    default Optional<String> option(String name) {
        return Optional.empty();
    }

    /** The items this context forbids (a filter under forbid_filter_* options); none by default. */
    default java.util.Set<ForbiddenItem> forbiddenItems() {
        return java.util.Set.of();
    }
}
