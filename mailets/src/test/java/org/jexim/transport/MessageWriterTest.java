package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streamed message writer: Exim's header edits and escaping, the same bytes however the input is cut. */
class MessageWriterTest {
    private static final String MESSAGE = "From : odd@header.example\r\nSubject: hi\r\nX-Old: x\r\n  continued\r\n"
            + "To: a@b.example\r\n\r\nFrom the body\r\n.dot\r\n\r\nFrom again\r\nFro\r\nlast";

    private static MessageWriter mbox() {
        return new MessageWriter().escaping("From ", ">From ", false).prepend("Return-path: <s@x>\n")
                .remove("x-old").append("X-New: y");
    }

    @Test
    void editsTheHeaderAndEscapesOnlyBodyLinesAsEximsAppendfileDoes() {
        assertThat(text(mbox().write(bytes(MESSAGE)))).isEqualTo("Return-path: <s@x>\nFrom : odd@header.example\n"
                + "Subject: hi\nTo: a@b.example\nX-New: y\n\n>From the body\n.dot\n\n>From again\nFro\nlast\n");
    }

    @Test
    void bsmtpEscapesHeaderLinesTooButNeverTheFirstLine() {
        MessageWriter w = new MessageWriter().escaping(".", "..", true);
        assertThat(text(w.write(bytes(".first: x\n.second: y\n\n.body\n")))).isEqualTo(".first: x\n..second: y\n\n..body\n");
    }

    @Test
    void bodyOnlyChecksTheFirstBodyLineAndHeadersOnlyStopsAtTheBlankLine() {
        assertThat(text(new MessageWriter().escaping("From ", ">From ", false).parts(false, true)
                .write(bytes("A: 1\n\nFrom x\nbody\n")))).isEqualTo(">From x\nbody\n");
        assertThat(text(new MessageWriter().parts(true, false).write(bytes("A: 1\nB: 2\n\nbody\n")))).isEqualTo("A: 1\nB: 2\n\n");
    }

    @Test
    void aMessageWithoutBlankLineOrFinalNewlineGetsThem() {
        assertThat(text(new MessageWriter().append("X-Add: 1\n").write(bytes("A: 1\r\nB: 2")))).isEqualTo("A: 1\nB: 2\nX-Add: 1\n\n");
        assertThat(text(new MessageWriter().prepend("R: 1\n").write(new byte[0]))).isEqualTo("R: 1\n\n");
    }

    @Test
    void theSameBytesComeOutWhenTheInputArrivesOneByteAtATime() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamStage s = mbox().writing(out);
        for (byte b : bytes(MESSAGE)) {
            s.write(b);
        }
        s.finish();
        assertThat(text(out.toByteArray())).isEqualTo(text(mbox().write(bytes(MESSAGE))));
    }

    @Test
    void aLongMessageStreamsThroughInPiecesWithItsSizeMeasured() throws IOException {
        // 64 MiB of body lines made on the fly: counted on the way out, never collected
        long lines = 1 << 20;
        MessageSource big = out -> {
            out.write(bytes("Subject: big\r\n\r\n"));
            byte[] line = bytes("From 0123456789012345678901234567890123456789012345678901234\r\n");
            for (long i = 0; i < lines; i++) {
                out.write(line);
            }
        };
        CountingStage count = CountingStage.discarding();
        StreamStage s = mbox().writing(count);
        big.writeTo(s);
        s.finish();
        assertThat(count.count()).isEqualTo("Return-path: <s@x>\nSubject: big\nX-New: y\n\n".length() + lines * 62);
        assertThat(big.lfSize()).isEqualTo("Subject: big\n\n".length() + lines * 61);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

}
