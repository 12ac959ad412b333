package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.StableHash;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The ids and thought signatures the simulator puts on the function calls it sends. Both are
 * derived from the request, so a request always gets the same ones: an id from the request's hash
 * and the call's position, a signature from the call itself (id, name, arguments), so that a
 * signature moved to another call, or a call changed under its signature, no longer checks out.
 */
final class CallStamps {

    private static final char[] ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int ID_LENGTH = 8; // like the real API's ids, e.g. "46ww9pp1"
    private static final ObjectWriter CANONICAL = GeminiJson.MAPPER.writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CallStamps() {
    }

    /**
     * The calls of one reply as sent: each without an id gets one; with {@code signatures}, the
     * first call gets the thought signature (the real API signs only the first function call of a
     * response: its parallel calls share it).
     */
    static List<TurnPart.FunctionCall> stamp(List<TurnPart.FunctionCall> calls, long requestHash, boolean signatures) {
        List<TurnPart.FunctionCall> stamped = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            TurnPart.FunctionCall call = calls.get(i);
            if (!call.hasId()) {
                call = call.withId(callId(requestHash, i));
            }
            call = call.withThoughtSignature(signatures && i == 0 ? signature(call) : "");
            stamped.add(call);
        }
        return stamped;
    }

    static String callId(long requestHash, int index) {
        long h = StableHash.combine(requestHash, index + 1L);
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < ID_LENGTH; i++) {
            id[i] = ID_ALPHABET[(int) Long.remainderUnsigned(h, ID_ALPHABET.length)];
            h = Long.divideUnsigned(h, ID_ALPHABET.length);
        }
        return new String(id);
    }

    /** The signature the simulator gives {@code call} (ignoring any it carries), in base64. */
    static String signature(TurnPart.FunctionCall call) {
        return Base64.getEncoder().encodeToString(signatureBytes(call));
    }

    /** True when {@code sent} (base64, standard or URL-safe) is the signature of {@code call}. */
    static boolean matches(String sent, TurnPart.FunctionCall call) {
        byte[] decoded = decode(sent);
        return decoded != null && MessageDigest.isEqual(decoded, signatureBytes(call));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    private static byte[] signatureBytes(TurnPart.FunctionCall call) {
        String args;
        try {
            args = CANONICAL.writeValueAsString(call.args());
        } catch (JsonProcessingException e) {
            args = String.valueOf(call.args());
        }
        String signed = "gemini-simulator thought\n" + call.id() + "\n" + call.name() + "\n" + args;
        try {
            return MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
