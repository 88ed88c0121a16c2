package org.jexim.conf.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jexim.conf.SourceLocation;

/**
 * The origin comments of the translation: "FILE:LINE: text of that line", read from the
 * configure file (and its includes) as written, before macro substitution.
 */
final class SourceLines {
    private final Map<Path, List<String>> cache = new HashMap<>();
    private final Path base;

    /** {@code base}: the directory file names are shown relative to (the configure's). */
    SourceLines(Path base) {
        this.base = base;
    }

    String origin(SourceLocation location) {
        if (location == null) {
            return null;
        }
        String line = line(location);
        Path shown = location.file();
        if (base != null && shown.isAbsolute() && shown.startsWith(base)) {
            shown = base.relativize(shown);
        }
        return shown + ":" + location.line() + (line == null ? "" : ": " + line.strip());
    }

    private String line(SourceLocation location) {
        List<String> lines = cache.computeIfAbsent(location.file(), f -> {
            try {
                return Files.readAllLines(f, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return List.of();
            }
        });
        int i = location.line() - 1;
        return i >= 0 && i < lines.size() ? lines.get(i) : null;
    }
}
