package org.jexim.mime;

import java.util.List;

/**
 * One entity of a parsed message: its header fields (name and unfolded value, in order), its
 * body as received (transfer-encoded) and decoded, and its sub-entities when it is a
 * multipart with a boundary.
 */
record MimeEntity(List<String[]> fields, byte[] rawBody, byte[] decodedBody, List<MimeEntity> children) {
}
