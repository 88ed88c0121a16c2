package org.jexim.conf.model;

import org.jexim.conf.SourceLocation;

/** A named list ({@code domainlist local_domains = @ : localhost}); the value stays a raw Exim list. */
public record NamedList(ListKind kind, String name, String value, boolean hidden, SourceLocation location) {
}
