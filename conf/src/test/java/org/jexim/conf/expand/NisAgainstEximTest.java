package org.jexim.conf.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The nis and nis0 lookups against a real ypserv: world.sh builds a private NIS world (own
 * domain name, mounts and loopback network through unshare; rpcbind, ypserv with maps made by
 * makedbm, ypbind) and runs exim4 -be and jexim's -be (BeStdin) inside it on nis-corpus.txt;
 * any disagreement not listed in nis-known-differences.txt fails.
 */
class NisAgainstEximTest {
    private static final Path YPSERV = Path.of("/usr/sbin/ypserv");

    @Test
    void jeximAgreesWithEximAgainstARealYpserv() throws Exception {
        assumeTrue(Files.isExecutable(ExpansionDifferentialTest.EXIM), "exim4 not installed");
        assumeTrue(Files.isExecutable(YPSERV) && Files.isExecutable(Path.of("/usr/sbin/rpcbind")),
                "nis and rpcbind not installed");
        Path dir = ExpansionDifferentialTest.resourceDir();
        Path work = Files.createTempDirectory("jexim-nis");
        try {
            Path conf = work.resolve("be.conf");
            Files.writeString(conf, "primary_hostname = mail.example.org\n");
            Path world = work.resolve("world.sh");
            try (InputStream in = NisAgainstEximTest.class.getResourceAsStream("/nis/world.sh")) {
                Files.copy(in, world);
            }
            List<String> corpus = ExpansionDifferentialTest.lines(dir.resolve("nis-corpus.txt"), "");
            Files.write(work.resolve("input"), ExpansionDifferentialTest.input(corpus));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String both = "exim4 -C \"$1\" -be < \"$2/input\" > \"$2/exim.out\" 2>/dev/null; "
                    + "\"$3\" -cp \"$4\" " + BeStdin.class.getName() + " \"$1\" < \"$2/input\" > \"$2/jexim.out\"";
            Path yp = Files.createDirectory(work.resolve("world"));
            // a PID namespace too: when world.sh ends, the kernel ends the daemons it started
            Process p = new ProcessBuilder("unshare", "-umnp", "--fork", "--propagation", "private", "sh",
                    world.toString(),
                    yp.toString(), "sh", "-c", both, "sh", conf.toString(), work.toString(), java,
                    System.getProperty("java.class.path"))
                    .redirectErrorStream(true).redirectOutput(work.resolve("world.log").toFile()).start();
            assertEquals(true, p.waitFor(300, TimeUnit.SECONDS), "NIS world did not finish");
            assertEquals(0, p.exitValue(), "NIS world failed: " + Files.readString(work.resolve("world.log")));
            List<String> exim = ExpansionDifferentialTest.split(read(work.resolve("exim.out")), corpus.size());
            List<String> jexim = ExpansionDifferentialTest.split(read(work.resolve("jexim.out")), corpus.size());
            // the oracle really ran in a working NIS world: its first answer is the map's value
            assertEquals("> alice@example.org\n", exim.get(0), "exim4 output: " + read(work.resolve("exim.out")));
            Map<String, String> known = ExpansionDifferentialTest.knownDifferences(
                    dir.resolve("nis-known-differences.txt"), "");
            List<String> problems = new ArrayList<>();
            int agree = 0;
            for (int i = 0; i < corpus.size(); i++) {
                if (exim.get(i).equals(jexim.get(i))) {
                    agree++;
                    if (known.containsKey(corpus.get(i))) {
                        problems.add("listed as a known difference but agrees now: " + corpus.get(i));
                    }
                } else if (!known.containsKey(corpus.get(i))) {
                    problems.add(corpus.get(i) + "\n   exim:  " + exim.get(i).replace("\n", "\\n")
                            + "\n   jexim: " + jexim.get(i).replace("\n", "\\n"));
                }
            }
            System.out.println("nis corpus: " + corpus.size() + " strings, " + agree + " agree");
            if (!problems.isEmpty()) {
                fail(problems.size() + " disagreements with exim4 -be:\n" + String.join("\n", problems));
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
    }
}
