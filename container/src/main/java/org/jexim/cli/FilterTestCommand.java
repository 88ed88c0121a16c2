package org.jexim.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jexim.conf.expand.be.BeContext;
import org.jexim.filter.FilterAddress;
import org.jexim.filter.FilterMessage;
import org.jexim.filter.FilterPermissions;
import org.jexim.filter.FilterResult;
import org.jexim.filter.FilterSetup;
import org.jexim.filter.FilterTester;

/**
 * -bf FILE / -bF FILE: tests a user (or system) filter against a message read on standard
 * input, printing what Exim 4.96 prints; -bfd, -bfl, -bfp, -bfs set the domain, local part,
 * prefix and suffix; -f the sender.
 */
final class FilterTestCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        Path cfg = line.configFile();
        ExpandConfig config = ExpandConfig.load(cfg, line.macros());
        PrintStream out = new PrintStream(line.out(), false, StandardCharsets.ISO_8859_1);
        String systemFile = line.flags().get("-bF");
        String userFile = line.flags().get("-bf");
        for (String f : new String[] {systemFile, userFile}) {
            if (f != null && !Files.isReadable(Path.of(f))) {
                line.err().print("exim: failed to open " + f + ": No such file or directory\n");
                return 1;
            }
        }
        BeContext base = new BeContext(cfg, config.options(), config.lists());
        String qualify = base.variable("qualify_recipient").orElse("");
        String user = System.getProperty("user.name", "root");
        TestMessage read = TestMessage.read(line, base, out);
        String sender = read.sender();
        String id = read.id();
        List<String> headers = read.headers();
        String returnPath = read.returnPath();
        if (returnPath == null) {
            out.print("Return-path copied from sender\n");
            returnPath = sender;
        } else {
            out.print("Return-path = " + (returnPath.isEmpty() ? "<>" : returnPath) + "\n");
        }
        out.print("Sender      = " + (sender.isEmpty() ? "<>" : sender) + "\n");
        String domain = line.flags().getOrDefault("-bfd", qualify);
        String localPart = line.flags().getOrDefault("-bfl", user);
        String prefix = line.flags().get("-bfp");
        String suffix = line.flags().get("-bfs");
        out.print("Recipient   = " + (prefix == null ? "" : prefix) + localPart + (suffix == null ? "" : suffix) + "@"
                + domain + "\n");
        if (prefix != null) {
            out.print("Prefix    = " + prefix + "\n");
        }
        if (suffix != null) {
            out.print("Suffix    = " + suffix + "\n");
        }
        FilterMessage message = new FilterMessage(headers, read.body(), sender, returnPath, id, read.headerSize());
        FilterAddress address = new FilterAddress(localPart, domain, prefix, suffix,
                System.getProperty("user.home"));
        int[] sn = null;
        if (systemFile != null) {
            FilterResult r = FilterTester.test(Files.readString(Path.of(systemFile), StandardCharsets.ISO_8859_1),
                    systemFile, true, new FilterSetup(base, FilterPermissions.systemFilter(), out, true, false),
                    message, address, null);
            out.flush();
            if (r.outcome() == FilterResult.Outcome.ERROR) {
                return 1;
            }
            sn = r.variables();
            message = r.finalMessage();
        }
        if (userFile != null) {
            FilterResult r = FilterTester.test(Files.readString(Path.of(userFile), StandardCharsets.ISO_8859_1),
                    userFile, false, new FilterSetup(base, FilterPermissions.userTest(), out, true, false),
                    message, address, sn);
            out.flush();
            if (r.outcome() == FilterResult.Outcome.ERROR) {
                return 1;
            }
        }
        out.flush();
        return 0;
    }
}
