package org.jexim.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs jexim again in a new process, with this JVM, its class path and
 * options, on the same configure file and -D macros: how -bd starts its daemon and a submission
 * its background delivery (where Exim forks).
 */
final class SelfCommand {
    private SelfCommand() {
    }

    /** java ... Main -C CONFIGURE -DNAME=VALUE..., then {@code args}. */
    static List<String> of(CommandLine line, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("-C");
        command.add(line.configFile().toAbsolutePath().toString());
        line.macros().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(args);
        return command;
    }
}
