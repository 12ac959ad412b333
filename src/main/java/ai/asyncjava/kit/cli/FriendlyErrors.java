package ai.asyncjava.kit.cli;

import picocli.CommandLine;

/**
 * Prints a failed command's message, not a stack trace: the message is written for the
 * person at the terminal. Set COURSE_DEBUG=1 to see the trace as well.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        commandLine.getErr().println("course " + commandLine.getCommandName() + ": " + e.getMessage());
        if (System.getenv("COURSE_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        return 1;
    }
}
