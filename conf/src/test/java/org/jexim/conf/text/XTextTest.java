package org.jexim.conf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class XTextTest {
    @Test
    void encodesPlusEqualsAndCharactersOutsideThePrintableRangeAsEximDoes() {
        assertThat(XText.encode("a+b=c d@e\u007f\u00e9")).isEqualTo("a+2Bb+3Dc+20d@e\u007f+E9");
        assertThat(XText.encode("\u20ac")).isEqualTo("+E2+82+AC");
    }

    @Test
    void theStrictDecoderRefusesWhatAuthXtextdecodeRefuses() {
        assertThat(XText.decode("orig+40x.example")).contains("orig@x.example");
        assertThat(XText.decode("a+2bb")).contains("a+b");
        assertThat(XText.decode("a+zz")).isEmpty();
        assertThat(XText.decode("a+4")).isEmpty();
        assertThat(XText.decode("a=b")).isEmpty();
        assertThat(XText.decode("a b")).isEmpty();
        assertThat(XText.decode("")).isEqualTo(Optional.of(""));
    }

    @Test
    void theLenientDecoderKeepsWhatIsNotAnEscape() {
        assertThat(XText.decodeLenient("x+zz+40y+4")).isEqualTo("x+zz@y+4");
        assertThat(XText.decodeLenient("a=b c")).isEqualTo("a=b c");
    }

    @Test
    void decodingUndoesEncoding() {
        String text = "odd+name=with spaces@example.org";
        assertThat(XText.decode(XText.encode(text))).contains(text);
        assertThat(XText.decodeLenient(XText.encode(text))).isEqualTo(text);
    }
}
