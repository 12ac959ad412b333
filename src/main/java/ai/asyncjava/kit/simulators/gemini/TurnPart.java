package ai.asyncjava.kit.simulators.gemini;

import java.util.Map;

/** One part of a conversation turn, as a {@link GeminiScript} sees it. */
public sealed interface TurnPart {

    /** Plain text. */
    record Text(String text) implements TurnPart {
    }

    /**
     * The model asking for a tool to be run.
     *
     * @param name             the function to run
     * @param args             its arguments
     * @param id               the call's id, which its response echoes; "" for none (a script may
     *                         leave it empty: the simulator then gives the call an id of its own)
     * @param thoughtSignature the part's {@code thoughtSignature} (base64), "" for none; the
     *                         simulator sets it, a script leaves it empty
     */
    record FunctionCall(String name, Map<String, Object> args, String id, String thoughtSignature)
            implements TurnPart {

        public FunctionCall {
            id = id == null ? "" : id;
            thoughtSignature = thoughtSignature == null ? "" : thoughtSignature;
        }

        /** A call without id or signature: what a script usually returns. */
        public FunctionCall(String name, Map<String, Object> args) {
            this(name, args, "", "");
        }

        /** True when the call carries an id. */
        public boolean hasId() {
            return !id.isEmpty();
        }

        /** True when the part carries a thought signature. */
        public boolean hasThoughtSignature() {
            return !thoughtSignature.isEmpty();
        }

        /** The same call with this id. */
        public FunctionCall withId(String newId) {
            return new FunctionCall(name, args, newId, thoughtSignature);
        }

        /** The same call with this thought signature. */
        public FunctionCall withThoughtSignature(String signature) {
            return new FunctionCall(name, args, id, signature);
        }
    }

    /**
     * The caller's result of running a tool.
     *
     * @param name     the function that ran
     * @param response its result, as the caller sent it
     * @param id       the id of the call it answers; "" when the caller sent none
     */
    record FunctionResponse(String name, Map<String, Object> response, String id) implements TurnPart {

        public FunctionResponse {
            id = id == null ? "" : id;
        }

        /** A response without id. */
        public FunctionResponse(String name, Map<String, Object> response) {
            this(name, response, "");
        }

        /** True when the response names the call it answers. */
        public boolean hasId() {
            return !id.isEmpty();
        }
    }

    /** Anything else (images, files, code): only its JSON field name is kept. */
    record Other(String kind) implements TurnPart {
    }
}
