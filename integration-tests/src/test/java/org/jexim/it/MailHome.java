package org.jexim.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A scratch home for one MTA of a side-by-side test: spool/, log/ and mail/, open to exim4's Debian-exim user. */
final class MailHome {
    private MailHome() {
    }

    /** A new directory named after {@code prefix} with spool, log and mail, mode 755, owned by Debian-exim. */
    static Path create(String prefix) throws Exception {
        Path home = Files.createTempDirectory(prefix);
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(home.resolve(sub));
        }
        Jexim.run(List.of("chmod", "755", home.toString()));
        Jexim.run(List.of("chown", "-R", "Debian-exim", home.toString()));
        return home;
    }
}
