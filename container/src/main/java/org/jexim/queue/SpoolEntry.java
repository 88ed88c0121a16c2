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
    /** Exim's lock on the -D file, held while any generation of this entry is being delivered. */
    SpoolDataLock lock;
    int lockHolders;
    /** The dataVersion of the -D file the lock is on (a rewritten body is a new file). */
    long lockDataVersion;

    SpoolEntry(String name) {
        this.name = name;
    }

    /**
     * The lock if this process holds it now on that version of the -D file; reads of that file
     * must then go through it.
     */
    synchronized java.util.Optional<SpoolDataLock> heldLock(long version) {
        return java.util.Optional.ofNullable(lock).filter(l -> lockDataVersion == version);
    }

    /**
     * Takes Exim's -D lock for one more delivery of this entry (sharing it with a delivery of an
     * older generation still in progress here); false when another process holds it.
     */
    synchronized boolean acquireLock(java.nio.file.Path dataFile) throws java.io.IOException {
        if (lock == null) {
            java.util.Optional<SpoolDataLock> taken = SpoolDataLock.tryLock(dataFile);
            if (taken.isEmpty()) {
                return false;
            }
            lock = taken.get();
            lockDataVersion = dataVersion;
        }
        lockHolders++;
        return true;
    }

    /** Gives back one delivery's share of the lock; the last one releases it. */
    synchronized void releaseLock() {
        if (lock != null && --lockHolders <= 0) {
            dropLock();
        }
    }

    /** Releases the lock whoever holds it: the queue is shutting down. */
    synchronized void dropLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (java.io.IOException ignored) {
                // closing the descriptor releases the lock anyway
            }
            lock = null;
            lockHolders = 0;
        }
    }

    /** The source id of the message James reads from this entry's current -D file. */
    String dataSourceId() {
        return "jexim-spool:" + id + "#" + dataVersion;
    }
}
