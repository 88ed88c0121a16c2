package org.jexim.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exim's lsearch lookup on one file: lines "key: value" or "key value", keys compared
 * without case, "#" comments, continuation lines that begin with white space.
 * (Used by list items {@code lsearch;FILE}; the expansion engine has its own lookups.)
 */
public final class LsearchFile {
    private LsearchFile() {
    }

    public static Optional<String> lookup(Path file, String key) throws ListException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ListException("failed to open " + file + " for linear search: " + e.getMessage());
        }
        String wanted = key.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.charAt(0) == '#' || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            int end;
            String k;
            if (line.charAt(0) == '"') {
                end = line.indexOf('"', 1);
                if (end < 0) {
                    continue;
                }
                k = line.substring(1, end);
                end++;
            } else {
                end = 0;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != ':') {
                    end++;
                }
                k = line.substring(0, end);
            }
            if (!k.toLowerCase(Locale.ROOT).equals(wanted)) {
                continue;
            }
            String rest = line.substring(end).stripLeading();
            if (rest.startsWith(":")) {
                rest = rest.substring(1);
            }
            StringBuilder value = new StringBuilder(rest.strip());
            while (i + 1 < lines.size() && !lines.get(i + 1).isEmpty()
                    && Character.isWhitespace(lines.get(i + 1).charAt(0))) {
                String cont = lines.get(++i).strip();
                if (!cont.isEmpty() && !cont.startsWith("#")) {
                    value.append(value.length() == 0 ? "" : " ").append(cont);
                }
            }
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }
}
