package ai.asyncjava.kit.display;

/**
 * A kit object that knows how to show itself in a notebook: as HTML where the front end
 * renders it, as plain text everywhere else. Its {@code toString()} should return
 * {@link #plainText()}, so kernels that only print a value's text still show it well.
 *
 * <p>The headless runner and IJava (through {@link KernelDisplay}) show a {@code RichOutput}
 * that is a cell's last expression as both; other kernels fall back to {@code toString()}.
 */
public interface RichOutput {

    /** The text shown in a terminal or a kernel without HTML. */
    String plainText();

    /** An HTML fragment (no {@code <html>} or {@code <body>}). */
    String html();

    /**
     * Machine-readable data for graders, which the runner stores beside the HTML as
     * {@code application/json}; {@code null} when there is none.
     */
    default Object jsonData() {
        return null;
    }
}
