package org.jexim.queue;

import java.util.Optional;
import java.util.Set;

/**
 * Which messages a queue run looks at, and whether it ignores their retry times: every message,
 * or those whose ids the administrator's command chose (-M, -R, -S, a -q range).
 *
 * @param force deliver even messages whose retry time has not come (-qf, -M, -R)
 * @param ids the chosen messages, or empty for all
 */
public record QueueRunScope(boolean force, Optional<Set<String>> ids) {
    /** Every message, retry times honoured: {@code -q}. */
    public static final QueueRunScope ALL = new QueueRunScope(false, Optional.empty());
    /** Every message, retry times ignored: {@code -qf}. */
    public static final QueueRunScope FORCED = new QueueRunScope(true, Optional.empty());

    boolean selects(String id) {
        return ids.map(chosen -> chosen.contains(id)).orElse(true);
    }
}
