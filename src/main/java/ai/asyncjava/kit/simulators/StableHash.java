package ai.asyncjava.kit.simulators;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash that is the same on every JVM and run (unlike {@code String.hashCode} spread or
 * identity hashes), for deterministic answers, embeddings, faults and request fingerprints.
 */
public final class StableHash {

    private StableHash() {
    }

    /** Hashes bytes: FNV-1a, then a final mix so nearby inputs land far apart. */
    public static long of(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** Hashes a string's UTF-8 bytes. */
    public static long of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Combines two hashes, order mattering. */
    public static long combine(long first, long second) {
        return mix(first * 31 + second);
    }

    /** The murmur3 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
