package org.jexim.queue;

import java.util.Optional;
import java.util.Set;

/**
 * Which messages a queue run looks at, and whether it ignores their retry times: every message,
 * or those whose ids the administrator's command chose (-M, -R, -S, a -q range).
 *
 * @param force deliver even messages whose retry time has not come (-qf, -M, -R)
 * @param ids the chosen messages, or empty for all
 * @param twoStage Exim's -qq: a first pass routes every message (remote addresses are only
 *                 routed, local ones delivered), then a second pass delivers, so that one
 *                 connection to a host carries all the messages for it
 */
public record QueueRunScope(boolean force, Optional<Set<String>> ids, boolean twoStage) {
    /** Every message, retry times honoured: {@code -q}. */
    public static final QueueRunScope ALL = new QueueRunScope(false, Optional.empty());

    public QueueRunScope(boolean force, Optional<Set<String>> ids) {
        this(force, ids, false);
    }

    /** Whether Exim's log detail of a run ({@code -qq}, {@code -qqf -R x}, ...) asks for a two-stage run. */
    public static boolean twoStage(String detail) {
        return detail.startsWith("-qq");
    }

    /** The same messages in a one-stage run: the second pass of a two-stage one. */
    public QueueRunScope secondPass() {
        return new QueueRunScope(force, ids, false);
    }
    /** Every message, retry times ignored: {@code -qf}. */
    public static final QueueRunScope FORCED = new QueueRunScope(true, Optional.empty());

    boolean selects(String id) {
        return ids.map(chosen -> chosen.contains(id)).orElse(true);
    }
}
