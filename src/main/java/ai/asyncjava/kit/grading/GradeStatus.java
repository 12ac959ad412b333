package ai.asyncjava.kit.grading;

/**
 * How the grading of one exercise of one submission ended: the {@code status} column of the
 * gradebook. Each value names what went wrong first, so an instructor can sort by it.
 */
public enum GradeStatus {
    /** The checks ran; {@code passed} of {@code total} passed. */
    GRADED("graded"),
    /** The exercise's class (or its check cell, which names it) did not compile. */
    COMPILE_ERROR("compile-error"),
    /** A check, a cell or the whole submission ran past its time limit (an endless loop, a deadlock). */
    TIMEOUT("timeout"),
    /** The submission's JVM ended early: {@code System.exit}, a thread bomb, a stack overflow, a JVM crash. */
    CRASHED("crashed"),
    /** The submission's JVM ran out of its heap ({@code --memory}). */
    OUT_OF_MEMORY("out-of-memory"),
    /** The notebook could not be graded at all: not JSON, not a notebook, not one of this course's. */
    INVALID_NOTEBOOK("invalid-notebook"),
    /** The student handed in no notebook for this chapter. */
    MISSING("missing");

    private final String label;

    GradeStatus(String label) {
        this.label = label;
    }

    /** The word in the gradebook. */
    public String label() {
        return label;
    }

    public static GradeStatus ofLabel(String label) {
        for (GradeStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a grade status: " + label);
    }
}
