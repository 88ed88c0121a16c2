package org.jexim.conf.expand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Pulls the expansion strings out of real configure files, for the differential test. */
final class RealConfigureStrings {
    private static final Pattern SETTING = Pattern.compile("^[A-Za-z_][A-Za-z0-9_ ]*=\\s*(.*)$");
    private static final Pattern MACRO = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");
    private static final List<String> SIDE_EFFECTS = List.of("${run", "${readsocket", "${perl", "${dlfunc", "${acl",
            "readfile", "${lookup{", "dnsdb", "${env");

    private RealConfigureStrings() {
    }

    static List<String> extract(Path corpus) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.list(corpus.resolve("exim-test-confs")),
                Stream.of(corpus.resolve("debian-exim4.conf.template"), corpus.resolve("configure.default")))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                        .replaceAll("\\\\\\n\\s*", "");
                for (String line : text.split("\n")) {
                    String s = line.strip();
                    if (!s.contains("${") || s.startsWith("#")) {
                        continue;
                    }
                    Matcher m = SETTING.matcher(s);
                    String v = m.matches() ? m.group(1) : s;
                    if (SIDE_EFFECTS.stream().anyMatch(v::contains) || MACRO.matcher(v).find() || v.length() > 900) {
                        continue;
                    }
                    out.add(v);
                }
            }
        }
        return List.copyOf(out);
    }
}
