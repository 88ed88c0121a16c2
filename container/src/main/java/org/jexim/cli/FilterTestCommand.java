package org.jexim.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        boolean dotEnds = !line.flags().containsKey("-i") && !line.flags().containsKey("-oi");
        FilterTestMessage read = FilterTestMessage.read(line.in(), dotEnds, out);
        String sender;
        boolean forced = false;
        if (line.flags().containsKey("-f")) {
            sender = line.flags().get("-f");
            if (sender.equals("<>")) {
                sender = "";
            } else if (sender.startsWith("<") && sender.endsWith(">")) {
                sender = sender.substring(1, sender.length() - 1);
            }
            if (!sender.isEmpty() && sender.indexOf('@') < 0) {
                sender = sender + "@" + base.variable("qualify_domain").orElse(qualify);
            }
            forced = true;
        } else if (read.fromLineSender != null) {
            sender = read.fromLineSender.indexOf('@') < 0
                    ? read.fromLineSender + "@" + base.variable("qualify_domain").orElse(qualify)
                    : read.fromLineSender;
            forced = true;
        } else {
            sender = user + "@" + base.variable("qualify_domain").orElse(qualify);
        }
        String id = org.jexim.queue.EximMessageId.next();
        List<String> headers = new ArrayList<>(read.headers);
        addMissingHeaders(headers, id, base.variable("primary_hostname").orElse(""), sender, forced,
                user + "@" + base.variable("qualify_domain").orElse(qualify), user);
        String returnPath = read.returnPath;
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
        FilterMessage message = new FilterMessage(headers, read.body, sender, returnPath, id, read.headerSize);
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

    /** Message-Id:, From: and Date: as Exim adds them to a locally submitted message that lacks them. */
    private static void addMissingHeaders(List<String> headers, String id, String host, String sender,
                                          boolean senderForced, String login, String user) {
        if (!has(headers, "message-id:")) {
            headers.add("Message-Id: <E" + id + "@" + host + ">\n");
        }
        if (!has(headers, "from:")) {
            String name = senderForced ? "" : originatorName(user);
            if (!sender.isEmpty()) {
                headers.add("From: " + (name.isEmpty() ? sender : name + " <" + sender + ">") + "\n");
            } else if (!senderForced) {
                headers.add("From: " + (name.isEmpty() ? login : name + " <" + login + ">") + "\n");
            }
        }
        if (!has(headers, "date:")) {
            headers.add("Date: " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx",
                    Locale.ROOT)) + "\n");
        }
    }

    private static boolean has(List<String> headers, String name) {
        return headers.stream().anyMatch(h -> h.regionMatches(true, 0, name, 0, name.length()));
    }

    /** The caller's name from the passwd gecos field, up to the first comma. */
    private static String originatorName(String user) {
        try {
            for (String l : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = l.split(":", -1);
                if (f.length > 4 && f[0].equals(user)) {
                    int comma = f[4].indexOf(',');
                    return comma < 0 ? f[4] : f[4].substring(0, comma);
                }
            }
        } catch (NoSuchFileException e) {
            return "";
        } catch (java.io.IOException e) {
            return "";
        }
        return "";
    }
}
