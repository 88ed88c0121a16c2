package org.jexim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jexim.conf.expand.be.BeContext;

/**
 * The message that -bf reads on standard input and -bem from a file, as Exim's receive_msg
 * reads it in filter-testing mode ({@link FilterTestMessage}), with its envelope sender (-f,
 * a "From " line, or the caller) and the Message-Id:, From: and Date: a local submission gets.
 * {@code returnPath} is null when no Return-path: header gave one; {@code headerLineCount} counts
 * the lines read before the body.
 */
record TestMessage(List<String> headers, String body, String sender, String returnPath, String id, long headerSize,
                   long headerLineCount, String user) {

    /** Reads the message, printing what Exim prints while reading ("Sender taken from ..."). */
    static TestMessage read(CommandLine line, BeContext base, PrintStream out) throws IOException {
        return read(line, line.in(), base, out);
    }

    static TestMessage read(CommandLine line, InputStream in, BeContext base, PrintStream out) throws IOException {
        String qualify = base.variable("qualify_recipient").orElse("");
        String domain = base.variable("qualify_domain").orElse(qualify);
        String user = System.getProperty("user.name", "root");
        boolean dotEnds = !line.flags().containsKey("-i") && !line.flags().containsKey("-oi");
        FilterTestMessage read = FilterTestMessage.read(in, dotEnds, out);
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
                sender = sender + "@" + domain;
            }
            forced = true;
        } else if (read.fromLineSender != null) {
            sender = read.fromLineSender.indexOf('@') < 0 ? read.fromLineSender + "@" + domain : read.fromLineSender;
            forced = true;
        } else {
            sender = user + "@" + domain;
        }
        String id = org.jexim.queue.EximMessageId.next();
        List<String> headers = new ArrayList<>(read.headers);
        addMissingHeaders(headers, id, base.variable("primary_hostname").orElse(""), sender, forced,
                user + "@" + domain, user);
        return new TestMessage(List.copyOf(headers), read.body, sender, read.returnPath, id, read.headerSize,
                read.headerLineCount, user);
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
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
