package org.jexim.queuetools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Exim's -bp listing (queue.c's queue_list): one entry per message, in Exim's exact layout. */
public final class QueueListing {
    /** Which recipients an entry shows: -bp, -bpu, -bpa. */
    public enum Recipients { ALL, UNDELIVERED, WITH_GENERATED }

    /** Exim's SPOOL_DATA_START_OFFSET: the "ID-D" line at the top of the -D file is not counted. */
    private static final int DATA_START = 19;
    private final Spool spool;
    private final Recipients recipients;
    private final long now;

    public QueueListing(Spool spool, Recipients recipients, long nowSeconds) {
        this.spool = spool;
        this.recipients = recipients;
        this.now = nowSeconds;
    }

    /**
     * Lists the messages. For the whole queue ({@code explicit} false) a message that vanished
     * meanwhile is left out; a message asked for by id gets Exim's error lines instead.
     */
    public void list(List<String> ids, boolean explicit, PrintStream out) throws IOException {
        for (String id : ids) {
            entry(id, explicit, out);
        }
        out.flush();
    }

    private void entry(String id, boolean explicit, PrintStream out) throws IOException {
        Path headerPath = spool.headerFile(id);
        HeaderFile header;
        try {
            header = HeaderFile.parse(Files.readAllBytes(headerPath));
        } catch (NoSuchFileException e) {
            if (!explicit) {
                return;
            }
            print(out, SizeFormat.of(0) + " " + id + "\n    *** spool read error: No such file or directory ***\n\n");
            return;
        } catch (AccessDeniedException e) {
            print(out, SizeFormat.of(0) + " " + id + "\n    *** spool read error: Permission denied ***\n\n");
            return;
        } catch (SpoolFormatException e) {
            print(out, SizeFormat.of(0) + " " + id + "\n    " + formatError(headerPath) + "\n\n");
            return;
        }
        StringBuilder sb = new StringBuilder();
        long size = 0;
        Path data = spool.dataFile(id);
        if (Files.exists(data)) {
            size = header.headerSize() + Files.size(data) - DATA_START + 1;
        }
        sb.append(MessageAge.of(now - header.receivedSeconds())).append(' ');
        sb.append(SizeFormat.of(size)).append(' ').append(id);
        sb.append(" <").append(header.sender()).append('>');
        if (header.senderSetUntrusted()) {
            sb.append(" (").append(header.login()).append(')');
        }
        if (header.headersMalformed()) {
            sb.append("\n    ").append(formatError(headerPath));
        }
        if (header.frozen()) {
            sb.append(" *** frozen ***");
        }
        sb.append('\n');
        NonRecipientTree delivered = withJournal(header.delivered(), id);
        List<String> addresses = header.recipientAddresses();
        for (String address : addresses) {
            boolean done = delivered.contains(address);
            if (!done || recipients != Recipients.UNDELIVERED) {
                sb.append("        ").append(done ? "D" : " ").append(' ').append(address).append('\n');
            }
        }
        if (recipients == Recipients.WITH_GENERATED) {
            for (String address : delivered.inOrder()) {
                if (!addresses.contains(address)) {
                    sb.append("       +D ").append(address).append('\n');
                }
            }
        }
        sb.append('\n');
        print(out, sb.toString());
    }

    /** Addresses a delivery in progress has logged in the -J file count as delivered, as Exim counts them. */
    private NonRecipientTree withJournal(NonRecipientTree delivered, String id) throws IOException {
        Path journal = spool.file("input", id, "-J");
        if (Files.exists(journal)) {
            for (String line : Files.readAllLines(journal, StandardCharsets.ISO_8859_1)) {
                delivered.add(line);
            }
        }
        return delivered;
    }

    private static String formatError(Path headerPath) {
        try {
            return "*** spool format error: size=" + Files.size(headerPath) + " ***";
        } catch (IOException e) {
            return "*** spool format error ***";
        }
    }

    private static void print(PrintStream out, String text) {
        Latin1.print(out, text);
    }
}
