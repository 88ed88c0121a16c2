package org.jexim.queuetools;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jexim.queue.SpoolDataLock;

/** -Mvh, -Mvb, -Mvl (a spool file as it is) and -Mvc (the message as a transport would write it). */
public final class MessageView {
    /** The spool file each of -Mvh, -Mvb, -Mvl shows. */
    public enum Part {
        HEADER("input", "-H"), BODY("input", "-D"), LOG("msglog", "");

        final String directory;
        final String suffix;

        Part(String directory, String suffix) {
            this.directory = directory;
            this.suffix = suffix;
        }
    }

    private final Spool spool;
    private final boolean messageLogs;
    private final QueueLog log;

    public MessageView(Spool spool, boolean messageLogs, QueueLog log) {
        this.spool = spool;
        this.messageLogs = messageLogs;
        this.log = log;
    }

    public boolean show(Part part, String id, PrintStream out) {
        Path file = spool.file(part.directory, id, part.suffix);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
            out.flush();
            return true;
        } catch (IOException e) {
            Latin1.print(out, "Failed to open " + part.directory + " file for " + id + part.suffix + ": "
                + Errors.text(e) + "\n");
            if (part == Part.LOG && !messageLogs) {
                Latin1.print(out, "(No message logs are being created because the message_logs option is false.)\n");
            }
            return false;
        }
    }

    /** -Mvc: the live headers, a blank line, the body; under the message's lock, as Exim does it. */
    public boolean copy(String id, PrintStream out) {
        try (LockedMessage message = LockedMessage.open(spool, id, false, log, out).orElse(null)) {
            if (message == null) {
                return false;
            }
            byte[] headers = message.header.headerBytes();
            int pos = 0;
            while (pos < headers.length) {
                int start = pos;
                while (headers[pos] >= '0' && headers[pos] <= '9') {
                    pos++;
                }
                int n = Integer.parseInt(new String(headers, start, pos - start, StandardCharsets.US_ASCII));
                char flag = (char) headers[pos];
                pos += 2;
                if (flag != '*') {
                    out.write(headers, pos, n);
                }
                pos += n;
            }
            out.write('\n');
            out.flush();
            // through the lock's own descriptor: closing another one would drop the lock
            message.lock.transferTo(SpoolDataLock.LOCKED_BYTES, Channels.newChannel(out));
            out.flush();
            return true;
        } catch (IOException e) {
            Latin1.print(out, "Couldn't open spool file for " + id + ": " + Errors.text(e) + "\n");
            return false;
        }
    }
}
