package org.jexim.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jexim.conf.model.Configuration;
import org.jexim.queue.SpoolDataLock;
import org.jexim.queuetools.Spool;
import org.jexim.server.ListenAddresses;
import org.jexim.server.ServerPaths;

/**
 * {@code jexim exiwhat} (or jexim called as exiwhat): what the daemon is doing now, in the spirit
 * of Exim's exiwhat: one line per fact, each starting with the daemon's pid: that it runs and where
 * it listens, each message it is delivering (its -D file is locked, as Exim's delivery processes
 * lock it), and how many messages wait on the queue. Without a daemon it says "No exim process data",
 * as exiwhat does when no process answers.
 */
final class ProcessInfoCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        Configuration config = ConfigLoader.load(line);
        if (config == null) {
            return 1;
        }
        ServerPaths paths = ServerPaths.of(config);
        Optional<Long> pid = DaemonStatus.pid(paths.pidFile());
        if (pid.isEmpty()) {
            line.out().println("No exim process data");
            return 0;
        }
        String prefix = String.format("%6d ", pid.get());
        line.out().println(prefix + "daemon(" + VersionInfo.EXIM_VERSION + "): listening for SMTP on "
            + listening(paths.jamesConf().resolve("smtpserver.xml")));
        Spool spool = new Spool(paths.spool());
        List<String> ids = spool.messageIds(true);
        List<String> delivering = new ArrayList<>();
        for (String id : ids) {
            Path data = spool.dataFile(id);
            if (!Files.exists(data)) {
                continue;
            }
            Optional<SpoolDataLock> lock = SpoolDataLock.tryLock(data);
            if (lock.isPresent()) {
                lock.get().close();
            } else {
                delivering.add(id);
            }
        }
        for (String id : delivering) {
            line.out().println(prefix + "delivering " + id);
        }
        line.out().println(prefix + ids.size() + (ids.size() == 1 ? " message" : " messages") + " on the queue");
        return 0;
    }

    private static String listening(Path smtpServerXml) {
        try {
            List<String> addresses = new ArrayList<>();
            for (InetSocketAddress a : ListenAddresses.of(smtpServerXml)) {
                addresses.add("[" + a.getHostString() + "]:" + a.getPort());
            }
            return String.join(" ", addresses);
        } catch (java.io.IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }
}
