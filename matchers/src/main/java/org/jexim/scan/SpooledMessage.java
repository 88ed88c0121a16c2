package org.jexim.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The message written to a private directory for scanners that read it by name, as Exim
 * writes {@code scan/ID/ID.eml} for them; removed with the directory on close.
 */
final class SpooledMessage implements AutoCloseable {
    private final Path dir;
    private final Path file;

    SpooledMessage(byte[] message) throws ScanException {
        try {
            dir = Files.createTempDirectory("jexim-scan");
            // the daemon runs as another user: it must read the directory and the file
            dir.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
            file = dir.resolve(dir.getFileName() + ".eml");
            Files.write(file, message);
            file.toFile().setReadable(true, false);
        } catch (IOException e) {
            throw new ScanException("error while creating mbox spool file: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        file.toFile().delete();
        dir.toFile().delete();
    }
}
