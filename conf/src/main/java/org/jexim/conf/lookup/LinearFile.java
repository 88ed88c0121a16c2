package org.jexim.conf.lookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jexim.conf.expand.Escapes;

/**
 * An lsearch-format file read into its entries (key, data) once, and again when it changes.
 * Keys: a quoted string with escapes, or text up to ':' or white space; data after optional
 * white space and ':'; continuation lines (leading white space) joined with one space.
 */
final class LinearFile {
    /** One key line and its data (ret=full: the whole line). */
    record Entry(String key, String data, String full) {
    }

    private static final ConcurrentHashMap<Path, LinearFile> CACHE = new ConcurrentHashMap<>();

    private final long modified;
    private final long size;
    final List<Entry> entries;

    private LinearFile(long modified, long size, List<Entry> entries) {
        this.modified = modified;
        this.size = size;
        this.entries = entries;
    }

    /** The parsed file; throws with Exim's message when it cannot be opened. */
    static LinearFile open(String file, String what, String type) throws LookupException {
        // Exim runs with / as its working directory: relative names resolve from there.
        Path p = Path.of("/").resolve(file);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            throw LookupException.open(Errors.openFailed(file + " for " + what, e));
        }
        if (a.isDirectory()) {
            throw LookupException.open(file + " is not a regular file (" + type + " lookup)");
        }
        LinearFile cached = CACHE.get(p);
        long m = a.lastModifiedTime().toMillis();
        if (cached != null && cached.modified == m && cached.size == a.size()) {
            return cached;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw LookupException.open(Errors.openFailed(file + " for " + what, e));
        }
        LinearFile f = new LinearFile(m, a.size(), parse(new String(bytes, StandardCharsets.ISO_8859_1)));
        if (CACHE.size() > 1000) {
            CACHE.clear();
        }
        CACHE.put(p, f);
        return f;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static String rtrim(String s) {
        int n = s.length();
        while (n > 0 && isSpace(s.charAt(n - 1))) {
            n--;
        }
        return s.substring(0, n);
    }

    static List<Entry> parse(String text) {
        String[] lines = text.split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String line = rtrim(lines[i]);
            if (line.isEmpty() || line.charAt(0) == '#' || isSpace(line.charAt(0))) {
                continue;
            }
            int s = 0;
            String key;
            String full;
            if (line.charAt(0) == '"') {
                StringBuilder k = new StringBuilder();
                s = 1;
                while (s < line.length() && line.charAt(s) != '"') {
                    char c = line.charAt(s);
                    if (c == '\\' && s + 1 < line.length()) {
                        s = Escapes.interpret(line, s, k);
                    } else {
                        k.append(c);
                    }
                    s++;
                }
                key = k.toString();
                if (s < line.length()) {
                    s++;
                }
                full = key + line.substring(s);
            } else {
                while (s < line.length() && line.charAt(s) != ':' && !isSpace(line.charAt(s))) {
                    s++;
                }
                key = line.substring(0, s);
                full = line;
            }
            int d = s;
            while (d < line.length() && isSpace(line.charAt(d))) {
                d++;
            }
            if (d < line.length() && line.charAt(d) == ':') {
                d++;
                while (d < line.length() && isSpace(line.charAt(d))) {
                    d++;
                }
            }
            StringBuilder data = new StringBuilder(line.substring(d));
            StringBuilder fullData = new StringBuilder(full);
            boolean comment = false;
            int j = i + 1;
            for (; j < count; j++) {
                String c = rtrim(lines[j]);
                comment = comment || c.isEmpty() || c.charAt(0) == '#';
                if (comment) {
                    continue;
                }
                if (!isSpace(c.charAt(0))) {
                    break;
                }
                int k = 0;
                while (k < c.length() && isSpace(c.charAt(k))) {
                    k++;
                }
                data.append(' ').append(c, k, c.length());
                fullData.append(' ').append(c, k, c.length());
            }
            out.add(new Entry(key, data.toString(), fullData.toString()));
        }
        return out;
    }
}
