package org.jexim.queue;

import org.apache.james.queue.api.MailQueueName;

/**
 * One message on the spool as the running queue tracks it. Each (re)write of its files bumps
 * {@code generation}, so that an acknowledgement for an older delivery attempt never removes the
 * files a later enqueue of the same mail wrote. Guarded by its own monitor.
 */
final class SpoolEntry {
    final String name;
    String id;
    MailQueueName queue;
    long generation;
    long dataVersion;
    boolean removed;

    SpoolEntry(String name) {
        this.name = name;
    }

    /** The source id of the message James reads from this entry's current -D file. */
    String dataSourceId() {
        return "jexim-spool:" + id + "#" + dataVersion;
    }
}
