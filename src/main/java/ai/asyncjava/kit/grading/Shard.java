package ai.asyncjava.kit.grading;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Part K of N of a class: the students whose name hashes to K. The same student always lands in
 * the same shard, whatever else is in the folder, so shards graded on different machines never
 * overlap and together cover everyone.
 */
public record Shard(int index, int count) {

    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /** Parses "K/N", as {@code --shard} takes it. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException("--shard takes K/N, such as 2/4 for the second of four shards; not \""
                + text + "\"");
    }

    public boolean includes(String student) {
        CRC32 crc = new CRC32();
        crc.update(student.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
