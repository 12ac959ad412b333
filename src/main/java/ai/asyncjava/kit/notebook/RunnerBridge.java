package ai.asyncjava.kit.notebook;

import java.util.UUID;

/**
 * Where code running inside the runner's JShell reaches the runner. The kit is on the class
 * path of both, and JShell's class loader asks the runner's first, so both see this one
 * class and its static state. Not for notebooks to call directly.
 */
public final class RunnerBridge {

    private static volatile CellOutputs currentCell;
    private static volatile Object handedOver;

    private RunnerBridge() {}

    static void startCell(CellOutputs cell) {
        currentCell = cell;
        handedOver = null;
    }

    /** The runner's {@code display(value)}, which a notebook calls as it would the kernel's. */
    public static String display(Object value) {
        String displayId = UUID.randomUUID().toString();
        CellOutputs cell = currentCell;
        if (cell != null) {
            cell.display(MimeBundles.of(value), displayId);
        }
        return displayId;
    }

    /** Hands the value of a cell's last expression, as an object, from JShell to the runner. */
    public static void handOver(Object value) {
        handedOver = value;
    }

    static Object takeHandedOver() {
        Object value = handedOver;
        handedOver = null;
        return value;
    }
}
