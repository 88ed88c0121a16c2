package org.jexim.log;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;

/** Log lines to the log4j2 loggers exim.main, exim.reject and exim.panic. */
final class Log4jSink implements LogSink {
    /** Marks a main-log line that also went to the reject or panic log (syslog_duplication). */
    static final Marker DUPLICATE = MarkerManager.getMarker("EXIM_DUPLICATE");
    private final Logger mainLog = LogManager.getLogger(EximLog.MAIN);
    private final Logger rejectLog = LogManager.getLogger(EximLog.REJECT);
    private final Logger panicLog = LogManager.getLogger(EximLog.PANIC);

    @Override
    public void main(String line) {
        mainLog.info((Message) new SimpleMessage(line));
    }

    @Override
    public void mainCopy(String line) {
        mainLog.info(DUPLICATE, (Message) new SimpleMessage(line));
    }

    @Override
    public void reject(String line) {
        rejectLog.info((Message) new SimpleMessage(line));
    }

    @Override
    public void panic(String line) {
        panicLog.error((Message) new SimpleMessage(line));
    }
}
