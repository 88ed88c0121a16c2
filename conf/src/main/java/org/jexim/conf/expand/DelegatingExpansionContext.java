package org.jexim.conf.expand;

import java.util.Map;
import java.util.Optional;

/**
 * A layered context that hands everything to its base: variables, taint, headers, certificates,
 * captures, variables set by ${acl} and the lookup cache; a subclass overrides only what it changes.
 */
public abstract class DelegatingExpansionContext extends LayeredExpansionContext {
    protected DelegatingExpansionContext(ExpansionContext base) {
        super(base);
    }

    @Override
    public Optional<String> variable(String name) {
        return base.variable(name);
    }

    @Override
    public boolean tainted(String name) {
        return base.tainted(name);
    }

    @Override
    public Optional<String> header(String name, HeaderKind kind) {
        return base.header(name, kind);
    }

    @Override
    public Optional<java.security.cert.X509Certificate> certificate(String variable) {
        return base.certificate(variable);
    }

    @Override
    public String[] captures() {
        return base.captures();
    }

    @Override
    public void keepCaptures(String[] captures) {
        base.keepCaptures(captures);
    }

    @Override
    public void setVariable(String name, String value) {
        base.setVariable(name, value);
    }

    @Override
    public Map<String, Object> lookupCache() {
        return base.lookupCache();
    }
}
