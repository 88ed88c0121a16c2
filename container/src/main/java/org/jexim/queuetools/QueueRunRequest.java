package org.jexim.queuetools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jexim.queue.QueueRunScope;

/**
 * What a queue command asks of the running daemon: a queue run (-q..., -R, -S; logged with
 * Exim's "Start queue run" and "End queue run" lines) or the delivery of chosen messages (-M,
 * -Mc; not logged as a run). Travels as a small text file: the kind, "force" or "normal", the
 * detail Exim's log line shows (such as {@code -qf -R example.com}), then one message id a line
 * when the command chose some.
 */
public record QueueRunRequest(Kind kind, boolean force, String detail, Optional<List<String>> ids) {
    /** A queue run, or a delivery of chosen messages. */
    public enum Kind { RUN, DELIVER }

    public static QueueRunRequest run(boolean force, String detail, Optional<List<String>> ids) {
        return new QueueRunRequest(Kind.RUN, force, detail, ids);
    }

    public static QueueRunRequest deliver(boolean force, List<String> ids) {
        return new QueueRunRequest(Kind.DELIVER, force, "", Optional.of(ids));
    }

    /** The messages the daemon's queues look at, and whether their retry times count. */
    public QueueRunScope scope() {
        return new QueueRunScope(force, ids.map(Set::copyOf), kind == Kind.RUN && QueueRunScope.twoStage(detail));
    }

    byte[] toBytes() {
        StringBuilder text = new StringBuilder();
        text.append(kind.name().toLowerCase()).append('\n').append(force ? "force" : "normal").append('\n')
            .append(detail.replace('\n', ' ')).append('\n');
        ids.ifPresent(list -> {
            text.append("ids\n");
            list.forEach(id -> text.append(id).append('\n'));
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static QueueRunRequest parse(byte[] bytes) {
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
        if (lines.size() < 3) {
            throw new IllegalArgumentException("truncated queue run request");
        }
        Kind kind = Kind.valueOf(lines.get(0).toUpperCase());
        boolean force = lines.get(1).equals("force");
        Optional<List<String>> ids = Optional.empty();
        if (lines.size() > 3 && lines.get(3).equals("ids")) {
            List<String> chosen = new ArrayList<>();
            lines.subList(4, lines.size()).stream().filter(l -> !l.isEmpty()).forEach(chosen::add);
            ids = Optional.of(chosen);
        }
        return new QueueRunRequest(kind, force, lines.get(2), ids);
    }
}
