package ai.asyncjava.kit.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Routes {@code System.out} and {@code System.err} into the cell that is running. Code in
 * JShell runs in the runner's JVM, so it prints through the same two streams; they are
 * replaced once for the whole run and put back at the end.
 */
final class PrintedText implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;

    PrintedText(Supplier<CellOutputs> currentCell) {
        System.setOut(stream("stdout", currentCell));
        System.setErr(stream("stderr", currentCell));
    }

    private static PrintStream stream(String name, Supplier<CellOutputs> currentCell) {
        OutputStream toCell = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                pending.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                pending.write(b, off, len);
            }

            // PrintStream flushes after every println, so each line reaches the cell whole.
            @Override
            public synchronized void flush() {
                CellOutputs cell = currentCell.get();
                if (cell != null) {
                    cell.print(name, pending.toString(StandardCharsets.UTF_8));
                }
                pending.reset();
            }
        };
        return new PrintStream(toCell, true, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
