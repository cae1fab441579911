package dev.imagegen.worker.it;

import java.io.IOException;
import java.io.OutputStream;

/** Writes to two streams (to keep the console while capturing logs). */
final class TeeStream extends OutputStream {

    private final OutputStream a;
    private final OutputStream b;

    TeeStream(OutputStream a, OutputStream b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public synchronized void write(int c) throws IOException {
        a.write(c);
        b.write(c);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws IOException {
        a.write(bytes, off, len);
        b.write(bytes, off, len);
    }

    @Override
    public void flush() throws IOException {
        a.flush();
        b.flush();
    }
}
