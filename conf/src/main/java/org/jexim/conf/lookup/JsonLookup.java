package org.jexim.conf.lookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jexim.conf.lists.ExiList;

/**
 * json: the key is a list of object keys and array indexes walked down from the top of the
 * file; strings, numbers and booleans are returned as text, objects and arrays as JSON.
 */
final class JsonLookup implements LookupType {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public Style style() {
        return Style.SINGLE_KEY;
    }

    @Override
    public String find(String file, String key, String opts, LookupEnv env) throws LookupException {
        Path p = Path.of("/").resolve(file);
        if (Files.isDirectory(p)) {
            throw LookupException.open(file + " is not a regular file (json lookup)");
        }
        String text;
        try {
            text = new String(FileBytes.read(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LookupException.open(Errors.openFailed(file + " for json search", e));
        }
        Object j;
        try {
            j = new JsonParser(text).document();
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (String k : ExiList.items(key)) {
            boolean numeric = !k.isEmpty() && k.chars().allMatch(c -> c >= '0' && c <= '9');
            if (numeric && j instanceof List<?> l) {
                long idx = Long.parseLong(k.length() > 18 ? "999999999999999999" : k);
                if (idx >= l.size()) {
                    return null;
                }
                j = l.get((int) idx);
            } else if (!numeric && j instanceof Map<?, ?> m) {
                if (!m.containsKey(k)) {
                    return null;
                }
                j = m.get(k);
            } else {
                return null;
            }
        }
        if (j == null) {
            return null;
        }
        String r;
        if (j instanceof String s) {
            r = s;
        } else if (j instanceof Double d) {
            r = String.format("%f", d);
        } else if (j instanceof Long || j instanceof Boolean) {
            r = j.toString();
        } else {
            r = JsonParser.dump(j);
        }
        return new String(r.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
