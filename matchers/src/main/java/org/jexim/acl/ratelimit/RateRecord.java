package org.jexim.acl.ratelimit;

/**
 * One entry of the ratelimit hints database (Exim's dbdata_ratelimit and, for unique=,
 * dbdata_ratelimit_unique): when the rate was last computed (microseconds), the smoothed rate,
 * and the Bloom filter of events seen in the current period with its start (seconds).
 */
public record RateRecord(long timeMicros, double rate, long bloomEpoch, byte[] bloom) {
}
