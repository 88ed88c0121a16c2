package org.jexim.cli;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translation;
import org.jexim.conf.translate.Translator;
import org.jexim.conf.translate.OptionTexts;
import org.jexim.queuetools.DaemonQueueOptions;
import org.jexim.queuetools.DeliveryRequestModule;
import org.jexim.server.JamesLogging;
import org.jexim.server.JeximServer;
import org.jexim.server.ListenAddresses;
import org.jexim.server.ServerPaths;

/**
 * -bd and -bdf: translate the configure file in use into SPOOL/james/conf and run the
 * embedded James server on it. -bdf stays in the foreground; -bd starts a -bdf process in
 * the background, waits until it listens on every address, and exits 0 (1 if it did not
 * come up, with its output). {@code -oX PORTS} overrides daemon_smtp_ports, as in Exim.
 */
final class DaemonCommand implements Command {
    private static final long START_TIMEOUT_SECONDS = 180;

    @Override
    public int run(CommandLine line) throws Exception {
        Configuration config;
        try {
            config = withPortOverride(ConfigReader.read(line.configFile(), line.macros()), line);
        } catch (ConfigurationException e) {
            line.err().println(e.eximText());
            return 1;
        }
        Translation translation = Translator.translate(config);
        TranslateCommand.report(translation, line);
        if (!translation.complete()) {
            return 1;
        }
        ServerPaths paths = ServerPaths.of(config);
        Files.createDirectories(paths.logDirectory());
        Files.createDirectories(paths.jamesConf());
        translation.writeTo(paths.jamesConf());
        org.jexim.server.WebAdminSettings.of(config.macros()).writeTo(paths.jamesConf());
        if (line.mode().equals("-bd")) {
            return detach(line, paths);
        }
        return foreground(paths, config, DaemonQueueOptions.of(line.flags()));
    }

    private static int foreground(ServerPaths paths, Configuration config, DaemonQueueOptions queue) throws Exception {
        JamesLogging.configure(paths.jamesLog());
        LogSetup.install(config, paths);
        long start = System.nanoTime();
        org.jexim.smtp.AclEngines.use(config); // verify = recipient/sender in the server routes as -bv does
        JeximServer server = JeximServer.start(paths.jamesHome(), paths.spool(), List.of(new DeliveryRequestModule(queue)));
        org.slf4j.LoggerFactory.getLogger("org.jexim.daemon").info("jexim daemon started in {} ms, pid {}",
                (System.nanoTime() - start) / 1_000_000, ProcessHandle.current().pid());
        if (Boolean.getBoolean("jexim.startOnly")) {
            // the launcher's class-data training run: load what a start loads, then stop
            server.close();
            return 0;
        }
        Files.writeString(paths.pidFile(), ProcessHandle.current().pid() + "\n");
        org.jexim.log.EximLog.main().main(DaemonStartLine.of(ProcessHandle.current().pid(),
                queue.interval().map(i -> queue.arguments().get(0)).orElse("no queue runs"),
                ListenAddresses.of(paths.jamesConf().resolve("smtpserver.xml"))));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "jexim-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts "-bdf" in a new process with the same JVM, class path and options, and waits for it to listen. */
    private static int detach(CommandLine line, ServerPaths paths) throws Exception {
        List<String> args = new ArrayList<>();
        if (line.flags().containsKey("-oX")) {
            args.add("-oX");
            args.add(line.arguments().get(0));
        }
        args.add("-bdf");
        List<String> command = new ArrayList<>(SelfCommand.of(line, args));
        command.addAll(DaemonQueueOptions.of(line.flags()).arguments()); // -q30m, -odq: after the mode
        Path output = paths.logDirectory().resolve("jexim-daemon.out");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(ArgumentsLog.DETACHED, "1");
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        List<InetSocketAddress> addresses = ListenAddresses.of(paths.jamesConf().resolve("smtpserver.xml"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                line.err().println("jexim: the daemon exited with status " + process.exitValue() + "; its output ("
                        + output + "):");
                line.err().print(tail(output));
                return 1;
            }
            // up once it listens and has written its pid, so that whoever stops it by the pid file finds it
            if (ListenAddresses.allListening(addresses) && pidFileNames(paths.pidFile(), process.pid())) {
                return 0;
            }
            Thread.sleep(100);
        }
        line.err().println("jexim: the daemon (pid " + process.pid() + ") did not listen on " + addresses
                + " within " + START_TIMEOUT_SECONDS + "s; see " + output + " and " + paths.jamesLog());
        return 1;
    }

    private static boolean pidFileNames(Path pidFile, long pid) {
        try {
            return Files.readString(pidFile).strip().equals(Long.toString(pid));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String tail(Path file) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
    }

    /** -oX replaces daemon_smtp_ports, as Exim's -oX does for a port list. */
    private static Configuration withPortOverride(Configuration config, CommandLine line) {
        if (!line.flags().containsKey("-oX") || line.arguments().isEmpty()) {
            return config;
        }
        String ports = line.arguments().get(0);
        Map<String, OptionSetting> main = new LinkedHashMap<>(config.mainOptions());
        OptionSetting old = main.get("daemon_smtp_ports");
        org.jexim.conf.options.OptionDef def = old != null ? old.def()
                : org.jexim.conf.options.OptionTables.main().find("daemon_smtp_ports").orElseThrow();
        main.put("daemon_smtp_ports", new OptionSetting(def, ports, ports, false, old == null ? null : old.location()));
        return new Configuration(config.file(), config.macros(), main, config.namedLists(), config.acls(),
                config.routers(), config.transports(), config.authenticators(), config.retryRules(),
                config.rewriteRules());
    }
}
