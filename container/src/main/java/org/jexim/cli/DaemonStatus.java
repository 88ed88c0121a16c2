package org.jexim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the daemon whose pid file is given is running. */
final class DaemonStatus {
    private DaemonStatus() {
    }

    static boolean running(Path pidFile) {
        return pid(pidFile).isPresent();
    }

    /** The pid of the running daemon, or empty when its pid file names no live process. */
    static java.util.Optional<Long> pid(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
