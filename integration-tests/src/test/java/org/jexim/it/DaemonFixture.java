package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A ./jexim -bd daemon for an end-to-end test: a temporary directory with spool, log and mail,
 * a free port, and a configure from the test resources that takes DIR, PORT and DUSER (the
 * user running the test) as -D macros; the test writes its files into {@link #dir} first.
 */
final class DaemonFixture {
    final Path dir;
    final int port;
    private final Path configure;

    private DaemonFixture(Path dir, int port, Path configure) {
        this.dir = dir;
        this.port = port;
        this.configure = configure;
    }

    /** The directory and port, before the daemon starts. */
    static DaemonFixture prepare(String prefix, String configureResource) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        return new DaemonFixture(dir, Jexim.freePort(),
                Path.of(DaemonFixture.class.getResource(configureResource).toURI()));
    }

    void start() throws Exception {
        Jexim.Result r = jexim("-bd");
        assertThat(r.status()).as(r.output()).isZero();
    }

    void stop() throws Exception {
        Jexim.stop(dir.resolve("spool"));
    }

    /** ./jexim with the configure and its macros, then {@code args}. */
    Jexim.Result jexim(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("-C", configure.toString(), "-DDIR=" + dir,
                "-DPORT=" + port, "-DDUSER=" + System.getProperty("user.name")));
        a.addAll(List.of(args));
        return Jexim.jexim(a.toArray(String[]::new));
    }

    /** The file once it contains {@code content} (up to 30 s); the main log in the failure. */
    String waitFor(Path file, String content) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.exists(file)) {
                String s = Files.readString(file, StandardCharsets.ISO_8859_1);
                if (s.contains(content)) {
                    return s;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + content + " in " + file + "; log:\n" + log());
    }

    String log() throws Exception {
        Path main = dir.resolve("log/mainlog");
        return Files.exists(main) ? Files.readString(main) : "(no mainlog)";
    }
}
