package org.jexim.conf.model;

import java.util.List;
import org.jexim.conf.SourceLocation;

/** One ACL statement: a verb and its conditions and modifiers in order. */
public record AclStatement(AclVerb verb, List<AclItem> items, SourceLocation location) {
}
