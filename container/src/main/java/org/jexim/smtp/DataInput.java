package org.jexim.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jexim.log.DataProgress;
import org.jexim.smtp.wire.SmtpDataReader;

/**
 * -bh's and -bs's reading of DATA input, character by character so that bare LF and bare CR are
 * seen: the message lines as Exim 4.96 stores them ({@link SmtpDataReader}), up to the end of the
 * data (for a CRLF client only {@code CRLF . CRLF}: no SMTP smuggling).
 *
 * @param lines the message lines read
 * @param complete false when the input ended before the end of the data
 * @param progress how far the data came, for the "lost while reading message data" line
 */
record DataInput(List<String> lines, boolean complete, DataProgress progress) {
    static DataInput read(BufferedReader in) throws IOException {
        SmtpDataReader reader = new SmtpDataReader();
        int c;
        while ((c = in.read()) >= 0) {
            if (reader.accept(c)) {
                String text = reader.text();
                return new DataInput(new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1))), true,
                        DataProgress.of(""));
            }
        }
        return new DataInput(List.of(), false, DataProgress.of(reader.lostSuffix()));
    }
}
