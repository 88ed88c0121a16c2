package org.jexim.conf.reader;

import org.jexim.conf.SourceLocation;

/**
 * One logical line of a configure file after macro replacement, continuation joining and
 * trimming: its text, where it started, and the last physical line read for it (the line
 * Exim names in its error messages).
 */
record LogicalLine(String text, SourceLocation start, SourceLocation last) {
}
