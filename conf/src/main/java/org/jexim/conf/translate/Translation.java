package org.jexim.conf.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * The translator's output: file names and their contents, what could not be translated
 * (problems: translate fails) and what was translated with a limitation (warnings).
 */
public record Translation(SortedMap<String, String> files, List<TranslationProblem> problems,
                          List<TranslationProblem> warnings) {
    public boolean complete() {
        return problems.isEmpty();
    }

    /** Writes every file into {@code directory}, creating it. */
    public void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (var e : files.entrySet()) {
            Path target = directory.resolve(e.getKey());
            Path tmp = directory.resolve(e.getKey() + ".tmp");
            Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
