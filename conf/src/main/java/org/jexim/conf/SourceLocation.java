package org.jexim.conf;

import java.nio.file.Path;

/** Where a piece of configuration came from: a file and a 1-based line number. */
public record SourceLocation(Path file, int line) {
    @Override
    public String toString() {
        return "line " + line + " of " + file;
    }
}
