package org.jexim.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jexim.queuetools.HeaderFile;

/**
 * What the optional items of a delivery line need from the message itself: its sender
 * (F= for sender_on_delivery, P= for return_path_on_delivery) and its arrival time (QT= for
 * queue_time), read from the message's -H file on the spool.
 */
public record MessageFacts(String sender, Instant received) {

    /** Looks the facts of a message up by its id. */
    public interface Source {
        Source NONE = id -> Optional.empty();

        Optional<MessageFacts> of(String id);
    }

    /** Facts from the -H files under {@code spool/input/} (flat or split by the id's sixth character). */
    public static Source fromSpool(Path spool) {
        return id -> {
            Path input = spool.resolve("input");
            Path flat = input.resolve(id + "-H");
            Path file = Files.exists(flat) || id.length() < 6 ? flat : input.resolve(id.substring(5, 6)).resolve(id + "-H");
            try {
                HeaderFile header = HeaderFile.parse(Files.readAllBytes(file));
                long micros = header.options().stream().filter(o -> o.name().equals("received_time_usec")).findFirst()
                    .map(o -> Long.parseLong(o.text().substring(o.text().indexOf(' ') + 1).replace(".", "").trim()))
                    .orElse(0L);
                return Optional.of(new MessageFacts(header.sender(),
                    Instant.ofEpochSecond(header.receivedSeconds(), micros * 1000)));
            } catch (Exception e) {
                return Optional.empty();
            }
        };
    }

    /** Exim's string_timesince: the time from {@code from} to {@code now} as {@link #timeDiff} writes it. */
    static String timeSince(Instant from, Instant now, boolean millisec) {
        Duration d = Duration.between(from, now);
        return timeDiff(d.isNegative() ? Duration.ZERO : d, millisec);
    }

    /**
     * Exim's string_timediff: "1h2m3s" (readconf_printtime); with +millisec, a time under five
     * seconds as seconds with milliseconds ("0.304s").
     */
    static String timeDiff(Duration d, boolean millisec) {
        if (millisec && d.getSeconds() < 5) {
            return String.format("%d.%03ds", d.getSeconds(), d.toMillisPart());
        }
        long s = d.getSeconds();
        if (s == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long[] units = {604800, 86400, 3600, 60, 1};
        char[] names = {'w', 'd', 'h', 'm', 's'};
        for (int i = 0; i < units.length; i++) {
            if (s >= units[i]) {
                sb.append(s / units[i]).append(names[i]);
                s %= units[i];
            }
        }
        return sb.toString();
    }
}
