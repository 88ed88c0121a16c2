package org.jexim.conf.model;

import java.util.List;
import org.jexim.conf.SourceLocation;

/** A named ACL from the acl section. */
public record Acl(String name, List<AclStatement> statements, SourceLocation location) {
}
