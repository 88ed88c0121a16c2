package org.jexim.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jexim.conf.lists.ExiList;

/**
 * The {@code cmdline} scanner of {@code av_scanner = cmdline:COMMAND %s:TRIGGER:NAME}: the
 * message is written to a scan directory, COMMAND runs through /bin/sh with %s replaced by that
 * directory, and its standard output and error are read with the trigger and name expressions.
 * A command that outlives the timeout is killed and the scan fails.
 */
final class CmdlineScanner implements MalwareScanner {
    private final String command;
    private final OutputPatterns patterns;

    private CmdlineScanner(String command, OutputPatterns patterns) {
        this.command = command;
        this.patterns = patterns;
    }

    static CmdlineScanner parse(String options) throws ScanException {
        List<String> items = ExiList.items(options == null ? "" : options);
        if (items.size() < 3) {
            throw new ScanException("cmdline: needs a command, a trigger expression and a name expression");
        }
        return new CmdlineScanner(items.get(0), OutputPatterns.of(items.get(1), items.get(2), "cmdline"));
    }

    @Override
    public Optional<String> scan(byte[] message, long timeoutMillis) throws ScanException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jexim-scan");
            Files.write(dir.resolve("message.eml"), message);
            Process p = new ProcessBuilder("/bin/sh", "-c", command.replace("%s", dir.toString()))
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            reader.start();
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ScanException("cmdline: scanner timed out after " + timeoutMillis / 1000 + "s");
            }
            reader.join(5000);
            return patterns.verdict(new String(out[0] == null ? new byte[0] : out[0], StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new ScanException("cmdline: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanException("cmdline: interrupted", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a scan directory left behind is harmless
        }
    }
}
