package org.jexim.acl.callout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The callout hints file read back with Exim's expiry rules (get_callout_cache_record), across instances. */
class CalloutCacheTest {
    private static final CalloutCache.Expiry EXPIRY = new CalloutCache.Expiry(1000, 100, 500, 50);

    @TempDir
    Path spool;

    @Test
    void domainRecordsExpireByTheirOwnResultAndForgetOldPostmasterAndRandomParts() throws Exception {
        new CalloutCache(spool).write("ok.test", new CalloutCache.Entry(CalloutCache.ACCEPT, 10_000,
                CalloutCache.ACCEPT, 9_000, CalloutCache.REJECT, 10_000), "a@ok.test", null);
        CalloutCache later = new CalloutCache(spool); // a new process reads the same file
        assertThat(later.domain("ok.test", EXPIRY, 10_500)).isEqualTo(new CalloutCache.Entry(CalloutCache.ACCEPT, 10_000,
                CalloutCache.UNKNOWN, 9_000, CalloutCache.REJECT, 10_000));
        assertThat(later.domain("ok.test", EXPIRY, 11_001)).isNull();
        assertThat(later.domain("other.test", EXPIRY, 10_000)).isNull();

        later.write("bad.test", new CalloutCache.Entry(CalloutCache.REJECT_MFNULL, 10_000, 0, 0, 0, 0), null, null);
        assertThat(later.domain("bad.test", EXPIRY, 10_100)).isNotNull();
        assertThat(later.domain("bad.test", EXPIRY, 10_101)).isNull();
    }

    @Test
    void addressRecordsUseThePositiveAndNegativeExpiry() throws Exception {
        CalloutCache cache = new CalloutCache(spool);
        cache.write("d.test", null, "good@d.test", CalloutCache.Entry.address(CalloutCache.ACCEPT, 1_000));
        cache.write("d.test", null, "bad@d.test/<x@y.test>", CalloutCache.Entry.address(CalloutCache.REJECT, 1_000));
        assertThat(cache.address("good@d.test", EXPIRY, 1_500)).isEqualTo(CalloutCache.ACCEPT);
        assertThat(cache.address("good@d.test", EXPIRY, 1_501)).isNull();
        assertThat(cache.address("bad@d.test/<x@y.test>", EXPIRY, 1_050)).isEqualTo(CalloutCache.REJECT);
        assertThat(cache.address("bad@d.test/<x@y.test>", EXPIRY, 1_051)).isNull();
        assertThat(cache.domain("d.test", EXPIRY, 1_000)).isNull();
    }

    @Test
    void withoutASpoolNothingIsKept() throws Exception {
        CalloutCache none = new CalloutCache(null);
        none.write("d.test", new CalloutCache.Entry(CalloutCache.ACCEPT, 1, 0, 0, 0, 0), "a@d.test",
                CalloutCache.Entry.address(CalloutCache.ACCEPT, 1));
        assertThat(none.domain("d.test", EXPIRY, 1)).isNull();
        assertThat(none.address("a@d.test", EXPIRY, 1)).isNull();
    }
}
