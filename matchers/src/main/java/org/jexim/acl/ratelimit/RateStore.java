package org.jexim.acl.ratelimit;

import java.io.IOException;
import java.util.function.UnaryOperator;

/** Where ratelimit keeps its records between messages, connections and restarts. */
public interface RateStore {
    /**
     * Reads the record of {@code key} (null when none) and, under one lock, stores what
     * {@code update} returns (nothing when it returns null).
     */
    void update(String key, UnaryOperator<RateRecord> update) throws IOException;

    /** A store in memory, for tests and tools without a spool. */
    static RateStore inMemory() {
        java.util.Map<String, RateRecord> map = new java.util.concurrent.ConcurrentHashMap<>();
        return (key, update) -> {
            synchronized (map) {
                RateRecord next = update.apply(map.get(key));
                if (next != null) {
                    map.put(key, next);
                }
            }
        };
    }
}
