package org.jexim.conf.lookup.nis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** XDR (RFC 4506) encoding and decoding of the few types NIS's RPC calls use. */
final class Xdr {
    private Xdr() {
    }

    /** Builds an XDR byte sequence. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        /** Variable-length opaque data: its length, the bytes, zero padding to four. */
        Writer opaque(byte[] b) {
            uint(b.length);
            out.writeBytes(b);
            for (int i = b.length; i % 4 != 0; i++) {
                out.write(0);
            }
            return this;
        }

        /** A string, as bytes one per char (jexim's byte strings). */
        Writer string(String s) {
            return opaque(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Reads an XDR byte sequence. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] b, int length) {
            this.in = ByteBuffer.wrap(b, 0, length);
        }

        int uint() throws IOException {
            if (in.remaining() < 4) {
                throw new IOException("short RPC reply");
            }
            return in.getInt();
        }

        /** Fixed-length opaque data of {@code n} bytes, padded to four. */
        byte[] fixed(int n) throws IOException {
            int padded = (n + 3) & ~3;
            if (in.remaining() < padded) {
                throw new IOException("short RPC reply");
            }
            byte[] b = new byte[n];
            in.get(b);
            in.position(in.position() + padded - n);
            return b;
        }

        byte[] opaque() throws IOException {
            int n = uint();
            if (n < 0 || n > in.remaining()) {
                throw new IOException("bad RPC reply length");
            }
            return fixed(n);
        }
    }
}
