package org.jexim.queuetools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small formats of -bp and of the -H recipient lines. */
class SpoolTextsTest {
    @Test
    void sizesAsStringFormatSize() {
        assertThat(SizeFormat.of(0)).isEqualTo("     ");
        assertThat(SizeFormat.of(287)).isEqualTo("  287");
        assertThat(SizeFormat.of(1023)).isEqualTo(" 1023");
        assertThat(SizeFormat.of(1280)).isEqualTo(" 1.2K"); // 1.25 rounds to even, as C's printf does
        assertThat(SizeFormat.of(1690)).isEqualTo(" 1.7K");
        assertThat(SizeFormat.of(10 * 1024)).isEqualTo("  10K");
        assertThat(SizeFormat.of(1024 * 1024)).isEqualTo(" 1.0M");
        assertThat(SizeFormat.of(50L * 1024 * 1024)).isEqualTo("  50M");
    }

    @Test
    void agesAsQueueList() {
        assertThat(MessageAge.of(59)).isEqualTo(" 0m");
        assertThat(MessageAge.of(90 * 60)).isEqualTo("90m");
        assertThat(MessageAge.of(91 * 60)).isEqualTo(" 2h");
        assertThat(MessageAge.of(72 * 3600)).isEqualTo("72h");
        assertThat(MessageAge.of(73 * 3600)).isEqualTo(" 3d");
        assertThat(MessageAge.of(400L * 86400)).isEqualTo("400d");
    }

    @Test
    void recipientLinesGiveTheirAddress() {
        assertThat(RecipientLine.parse("bob@test.example").address()).isEqualTo("bob@test.example");
        assertThat(RecipientLine.parse("bob@test.example rfc822;bob@test.example 23,2 errors@x.example 16,-1#3").address())
            .isEqualTo("bob@test.example");
        assertThat(RecipientLine.parse("bob@test.example  0,0  0,3#3").address()).isEqualTo("bob@test.example");
        assertThat(RecipientLine.parse("bob@test.example 2").address()).isEqualTo("bob@test.example");
        assertThat(RecipientLine.parse("bob@test.example 0,2,0").address()).isEqualTo("bob@test.example");
    }

    @Test
    void commandLineAddressesAsParseExtractAddress() {
        assertThat(AddressArgument.parse("Eve <eve@x.example>", false).address()).isEqualTo("eve@x.example");
        assertThat(AddressArgument.parse("x@y.z (comment)", false).address()).isEqualTo("x@y.z");
        assertThat(AddressArgument.parse("<@r.o:a@b.c>", false).address()).isEqualTo("a@b.c");
        assertThat(AddressArgument.parse("<>", true).address()).isEmpty();
        assertThat(AddressArgument.parse("user", false).hasDomain()).isFalse();
        assertThat(AddressArgument.parse("", true).error()).isEqualTo("empty address");
        assertThat(AddressArgument.parse("@b", false).error()).isEqualTo("no local part");
        assertThat(AddressArgument.parse("a@", false).error()).isEqualTo("domain missing or malformed");
        assertThat(AddressArgument.parse("a b@c", false).error())
            .isEqualTo("missing or malformed local part (expected word or \"<\")");
        assertThat(AddressArgument.parse("Name <n@d.e", false).error()).isEqualTo("'>' missing at end of address");
        assertThat(AddressArgument.parse("<n@d.e> trailing", false).error())
            .isEqualTo("malformed address: trailing may not follow <n@d.e> ");
        assertThat(AddressArgument.parse("a@b.c,d@e.f", false).error())
            .isEqualTo("malformed address: ,d@e.f may not follow a@b.c");
    }
}
