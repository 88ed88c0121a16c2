package org.jexim.conf.model;

import org.jexim.conf.SourceLocation;

/** A rule of the rewrite section: pattern, replacement and flag letters as written. */
public record RewriteRule(String pattern, String replacement, String flags, SourceLocation location) {
}
