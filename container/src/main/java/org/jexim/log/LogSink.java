package org.jexim.log;

/** Where finished log lines (without their timestamps) go: Exim's three logs. */
public interface LogSink {
    void main(String line);

    /** The main log's copy of a line also written to the reject or panic log. */
    default void mainCopy(String line) {
        main(line);
    }

    void reject(String line);

    void panic(String line);
}
