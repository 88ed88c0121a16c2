package org.jexim.log;

import java.util.ArrayList;
import java.util.List;

/** Keeps the lines written to each log, for tests. */
final class RecordingSink implements LogSink {
    final List<String> main = new ArrayList<>();
    final List<String> reject = new ArrayList<>();
    final List<String> panic = new ArrayList<>();

    @Override
    public void main(String line) {
        main.add(line);
    }

    @Override
    public void reject(String line) {
        reject.add(line);
    }

    @Override
    public void panic(String line) {
        panic.add(line);
    }
}
