package ai.asyncjava.kit.checks;

/** How one check ended. */
public enum CheckStatus {
    PASSED,
    FAILED,
    /** Skipped, for example because an earlier check left code running that cannot be stopped. */
    NOT_RUN
}
