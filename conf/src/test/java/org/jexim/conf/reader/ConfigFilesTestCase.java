package org.jexim.conf.reader;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A reader test that writes its configure files into a fresh directory ({@link #files}). */
abstract class ConfigFilesTestCase {
    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void createConfigFiles() {
        files = new ConfigFiles(dir);
    }
}
