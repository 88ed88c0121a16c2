package org.jexim.conf.translate;

import org.jexim.conf.SourceLocation;

/** Something the translator could not translate: where, and why. */
public record TranslationProblem(SourceLocation location, String reason) {
    /** "FILE:LINE: reason", as translate prints it. */
    public String describe() {
        return location == null ? reason : location.file() + ":" + location.line() + ": " + reason;
    }
}
