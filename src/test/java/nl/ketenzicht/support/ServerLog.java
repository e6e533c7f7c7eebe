package nl.ketenzicht.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What Payara Micro writes to its console, as it happens. Arquillian's Payara Micro container copies
 * each console line of the server to {@code System.out} of the test JVM, which failsafe stores in
 * the class's -output.txt only when the class ends; this tee keeps a copy the test can read at once.
 */
public final class ServerLog {

    private static final ByteArrayOutputStream COPY = new ByteArrayOutputStream();
    private static PrintStream original;

    private ServerLog() {}

    public static synchronized void capture() {
        if (original == null) {
            original = System.out;
            System.setOut(new PrintStream(new Tee(original), true, StandardCharsets.UTF_8));
        }
    }

    public static synchronized void release() {
        if (original != null) {
            System.out.flush();
            System.setOut(original);
            original = null;
        }
    }

    /** Everything written since {@link #capture()}. */
    public static String text() {
        synchronized (COPY) {
            return COPY.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits (up to 20 s) until the text shows up; returns the whole capture. */
    public static String await(String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String log = text();
            if (log.contains(text)) {
                return log;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + text + "' never reached the server's console");
    }

    private static final class Tee extends OutputStream {
        private final OutputStream out;

        Tee(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            synchronized (COPY) {
                COPY.write(b);
            }
            writeThrough(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (COPY) {
                COPY.write(b, off, len);
            }
            writeThrough(b, off, len);
        }

        private void writeThrough(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            out.flush();
        }
    }
}
