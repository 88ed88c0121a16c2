package org.jexim.smtp.wire;

import org.apache.james.protocols.api.ProtocolSession;

/**
 * What the input decoder and the command handlers of one connection tell each other; both run
 * on the connection's event loop, one line at a time, so the facts are those of the line being
 * handled: whether more input had already arrived behind it (Exim's synchronization check), whether
 * message data is being read (no command parsing), how many bytes of a BDAT chunk are still due.
 */
public final class InputState {
    private static final ProtocolSession.AttachmentKey<InputState> KEY =
            ProtocolSession.AttachmentKey.of("jexim.input", InputState.class);

    private String pending = "";
    private boolean data;
    private long chunkLeft;
    private String command = "";
    private String previous = "";
    private final CommandHistory history = new CommandHistory();
    private DataFraming framing = new DataFraming(SmtpInputDecoder.DATA_LINE_LIMIT);
    private int openAtAccept;

    /** The state of a session, made on first use. */
    public static InputState of(ProtocolSession session) {
        return session.getAttachment(KEY, ProtocolSession.State.Connection).orElseGet(() -> {
            InputState created = new InputState();
            session.setAttachment(KEY, created, ProtocolSession.State.Connection);
            return created;
        });
    }

    /** How many connections the daemon had open, this one included, when it accepted this one (0: unknown). */
    public int openAtAccept() {
        return openAtAccept;
    }

    void openAtAccept(int count) {
        openAtAccept = count;
    }

    /** The input that had already arrived behind the current command line ("" when none). */
    public String pendingInput() {
        return pending;
    }

    void pendingInput(String text) {
        pending = text;
    }

    void command(String line) {
        previous = command;
        command = line;
        history.add(line);
    }

    /** The command line being handled ("" at the start). */
    public String currentCommand() {
        return command;
    }

    /** The connection's commands as Exim logs them: {@code " C=EHLO,MAIL,..."}. */
    public String commandHistory() {
        return history.logField();
    }

    /** The command line before the one being handled ("" at the start). */
    public String previousCommand() {
        return previous;
    }

    /** DATA was accepted: lines are message data up to the line with the single dot. */
    public void dataStarted() {
        data = true;
        framing = new DataFraming(SmtpInputDecoder.DATA_LINE_LIMIT);
    }

    /** How the current message's data lines are cut. */
    DataFraming dataFraming() {
        return framing;
    }

    /** How far the current message's data has come (for "lost while reading message data"). */
    public org.jexim.log.DataProgress dataProgress() {
        return org.jexim.log.DataProgress.of(framing.lostSuffix());
    }

    boolean inData() {
        return data;
    }

    /** Whether message data (DATA lines or a BDAT chunk) is being read. */
    public boolean readingMessage() {
        return data || chunkLeft > 0;
    }

    void dataEnded() {
        data = false;
    }

    /** A BDAT command was read: its chunk of {@code bytes} bytes follows as raw data. */
    public void expectChunk(long bytes) {
        chunkLeft = bytes;
    }

    long chunkLeft() {
        return chunkLeft;
    }

    void chunkTaken(int bytes) {
        chunkLeft -= bytes;
    }
}
