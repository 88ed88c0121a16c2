package org.jexim.filter;

/** The address whose filter runs: $local_part, $domain, the affixes the router removed, and $home. */
public record FilterAddress(String localPart, String domain, String prefix, String suffix, String home) {
    public String address() {
        return localPart + "@" + domain;
    }
}
