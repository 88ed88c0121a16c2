package org.jexim.log;

/** Where finished log lines (without their timestamps) go: Exim's three logs. */
public interface LogSink {
    void main(String line);

    void reject(String line);

    void panic(String line);
}
