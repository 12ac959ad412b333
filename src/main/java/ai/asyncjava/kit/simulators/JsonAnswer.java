package ai.asyncjava.kit.simulators;

/** A status and a JSON body: what a simulator's handler decided to answer, before it is sent. */
public record JsonAnswer(int status, byte[] body) {
}
