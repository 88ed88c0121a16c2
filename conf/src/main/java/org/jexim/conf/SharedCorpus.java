package org.jexim.conf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the team's shared corpus of real configure files (Exim's test suite, Debian's and
 * Exim's defaults), which lives beside the repository in shared/corpus. The differential and
 * corpus tests use it; CI sets JEXIM_REQUIRE_CORPUS so that a missing corpus fails them
 * instead of skipping them.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /**
     * -Djexim.corpus, else $JEXIM_CORPUS, else shared/corpus in the nearest ancestor of the
     * working directory that has one, else /work/shared/corpus.
     */
    public static Optional<Path> find() {
        String configured = System.getProperty("jexim.corpus", System.getenv("JEXIM_CORPUS"));
        Optional<Path> found = configured != null ? existing(Path.of(configured)) : search();
        if (found.isEmpty() && System.getenv("JEXIM_REQUIRE_CORPUS") != null) {
            throw new IllegalStateException("JEXIM_REQUIRE_CORPUS is set but no shared corpus was found"
                    + (configured != null ? " at " + configured : ""));
        }
        return found;
    }

    private static Optional<Path> search() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Optional<Path> c = existing(p.resolve("shared").resolve("corpus"));
            if (c.isPresent()) {
                return c;
            }
        }
        return existing(Path.of("/work/shared/corpus"));
    }

    private static Optional<Path> existing(Path corpus) {
        return Files.isRegularFile(corpus.resolve("exim-4.96-accepts.txt"))
                ? Optional.of(corpus.toAbsolutePath().normalize()) : Optional.empty();
    }
}
