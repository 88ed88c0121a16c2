package org.jexim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jexim.submit.UsageText;

/** The jexim command: parses Exim's options and runs the mode they ask for. */
public final class Main {
    /** Modes with their command; the first option that names one wins, as in Exim. */
    private static final Map<String, Supplier<Command>> MODES = Map.ofEntries(
            Map.entry("-bV", VersionCommand::new),
            Map.entry("-bP", PrintOptionsCommand::new),
            Map.entry("-be", ExpandCommand::new),
            Map.entry("-brw", RewriteTestCommand::new),
            Map.entry("-bt", AddressTestCommand::new), Map.entry("-bv", AddressTestCommand::new),
            Map.entry("translate", TranslateCommand::new),
            Map.entry("exiwhat", ProcessInfoCommand::new),
            Map.entry("-bh", TestSessionCommand::new), Map.entry("-bhc", TestSessionCommand::new),
            Map.entry("-bs", SmtpStdinCommand::new), Map.entry("-bS", BatchSmtpCommand::new),
            Map.entry("-bd", DaemonCommand::new),
            // the sendmail interface
            Map.entry("-bm", SendmailCommand::new), Map.entry("-bi", NewAliasesCommand::new),
            Map.entry("-bf", FilterTestCommand::new),
            Map.entry("-bdf", DaemonCommand::new),
            // the queue tools
            Map.entry("-bp", QueueListCommand::new), Map.entry("-bpa", QueueListCommand::new),
            Map.entry("-bpu", QueueListCommand::new), Map.entry("-bpr", QueueListCommand::new),
            Map.entry("-bpra", QueueListCommand::new), Map.entry("-bpru", QueueListCommand::new),
            Map.entry("-bpc", QueueListCommand::new),
            Map.entry("-Mvh", MessageViewCommand::new), Map.entry("-Mvb", MessageViewCommand::new),
            Map.entry("-Mvl", MessageViewCommand::new), Map.entry("-Mvc", MessageViewCommand::new),
            Map.entry("-Mrm", MessageRemoveCommand::new),
            Map.entry("-Mf", FreezeThawCommand::new), Map.entry("-Mt", FreezeThawCommand::new),
            Map.entry("-Mar", EnvelopeEditCommand::new), Map.entry("-Mmd", EnvelopeEditCommand::new),
            Map.entry("-Mmad", EnvelopeEditCommand::new), Map.entry("-Mes", EnvelopeEditCommand::new),
            Map.entry("-M", DeliverCommand::new), Map.entry("-Mc", DeliverCommand::new),
            Map.entry("-Mg", DeliverCommand::new),
            Map.entry("-q", QueueRunCommand::new), Map.entry("-qf", QueueRunCommand::new),
            Map.entry("-qff", QueueRunCommand::new));

    /** Options followed by a value in the next argument. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("-f", "-F", "-r", "-oMa", "-oMs",
            "-oMr", "-oMt", "-oMai", "-oMas", "-oMaa", "-oMi", "-oMm", "-Mset");

    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try {
            CommandLine line = parse(args);
            status = run(line);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println("jexim: " + e);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run(CommandLine line) throws Exception {
        if (line.mode == null) {
            UsageText.print(line.err());
            return 1;
        }
        Supplier<Command> command = MODES.get(line.mode);
        if (command == null && (line.mode.startsWith("-q") || line.mode.matches("-[RS][rf]*"))) {
            command = QueueRunCommand::new; // -qi, -qq, -R, -S ...; -q with an interval says where periodic runs happen
        }
        if (command == null && (line.mode.startsWith("-bp") || line.mode.startsWith("-M"))) {
            throw new UsageException("exim abandoned: unknown, malformed, or incomplete option " + line.mode);
        }
        if (command == null) {
            throw new UsageException("jexim: " + line.mode + " is not supported yet");
        }
        if (ArgumentsLog.applies(line.mode)) {
            ArgumentsLog.write(line);
        }
        return command.get().run(line);
    }

    static CommandLine parse(String[] args) throws UsageException {
        CommandLine line = new CommandLine();
        line.given.addAll(List.of(args));
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (line.mode != null && !a.startsWith("-")) {
                line.arguments.add(a);
                i++;
                continue;
            }
            if (a.equals("--")) {
                for (i++; i < args.length; i++) {
                    line.arguments.add(args[i]);
                }
                break;
            }
            if (a.equals("-C")) {
                line.configFile = Path.of(value(args, ++i, a));
            } else if (a.startsWith("-C") && a.length() > 2) {
                line.configFile = Path.of(a.substring(2));
            } else if (a.startsWith("-D")) {
                String def = a.length() > 2 ? a.substring(2) : value(args, ++i, a);
                int eq = def.indexOf('=');
                line.macros.put(eq < 0 ? def : def.substring(0, eq), eq < 0 ? "" : def.substring(eq + 1));
            } else if (a.equals("-bem")) {
                line.flags.put(a, value(args, ++i, a)); // -be with a test message read from the file
                if (line.mode == null) {
                    line.mode = "-be";
                }
            } else if ((a.equals("translate") || a.equals("exiwhat")) && line.mode == null) {
                line.mode = a;
            } else if (a.equals("-bf") || a.equals("-bF") || a.equals("-bfd") || a.equals("-bfl") || a.equals("-bfp")
                    || a.equals("-bfs")) {
                // filter testing: the file or value follows; -bf and -bF together test both filters
                line.flags.put(a, value(args, ++i, a));
                if (line.mode == null && (a.equals("-bf") || a.equals("-bF"))) {
                    line.mode = "-bf";
                }
            } else if (VALUED.contains(a)) {
                line.flags.put(a, value(args, ++i, a));
            } else if ((a.startsWith("-f") || a.startsWith("-F") || a.startsWith("-r")) && a.length() > 2
                    && line.mode == null) {
                line.flags.put(a.substring(0, 2), a.substring(2)); // -fADDRESS, -FNAME, as Exim accepts them
            } else if (a.length() == 3 && a.startsWith("-e")) {
                line.flags.put("-o" + a.substring(1), ""); // -em is -oem, for vacation and friends
            } else if (line.mode == null && (a.startsWith("-b") || a.startsWith("-M") || a.startsWith("-q")
                || a.matches("-[RS][rf]*"))) {
                line.mode = a;
            } else if (a.startsWith("-")) {
                line.flags.put(a, "");
            } else {
                line.arguments.add(a);
            }
            i++;
        }
        String argv0 = System.getProperty("jexim.argv0", "");
        if (line.mode == null && "mailq".equals(argv0)) {
            line.mode = "-bp"; // called as mailq: list the queue, as Exim does
        }
        if (line.mode == null && "exiwhat".equals(argv0)) {
            line.mode = "exiwhat";
        }
        if (line.mode == null && "newaliases".equals(argv0)) {
            line.mode = "-bi";
        }
        if (line.mode == null && (!line.arguments.isEmpty() || line.flags.containsKey("-t")
                || "sendmail".equals(argv0))) {
            line.mode = "-bm"; // recipients and no mode: a message on stdin, as Exim's default
        }
        defineHomeForDefaultConfigure(line);
        return line;
    }

    /** The repository's default configure keeps its state under JEXIM_HOME, the repository root. */
    private static void defineHomeForDefaultConfigure(CommandLine line) {
        if (line.configFile().equals(CommandLine.home().resolve("configure"))) {
            line.macros.putIfAbsent("JEXIM_HOME", CommandLine.home().toString());
        }
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("jexim abandoned: unknown, malformed, or incomplete option " + option);
        }
        return args[i];
    }

    /** A command line Exim would refuse. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
