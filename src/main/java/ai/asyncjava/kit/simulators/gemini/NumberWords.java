package ai.asyncjava.kit.simulators.gemini;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** English number words both ways: "twenty four" → 24 and 24 → "twenty-four". */
final class NumberWords {

    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};
    private static final Map<String, Long> SCALES = Map.of(
            "thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);

    private NumberWords() {
    }

    /** True for a word that can be part of a spelled-out number ("and" aside). */
    static boolean isNumberWord(String word) {
        return unitValue(word) >= 0 || word.equals("hundred") || SCALES.containsKey(word);
    }

    /** The value of words like [one, hundred, and, five]; empty when they are not a number. */
    static OptionalLong parse(List<String> words) {
        long total = 0;
        long group = 0;
        boolean any = false;
        for (String word : words) {
            long unit = unitValue(word);
            if (unit >= 0) {
                group += unit;
                any = true;
            } else if (word.equals("hundred")) {
                group = Math.max(group, 1) * 100;
                any = true;
            } else if (SCALES.containsKey(word)) {
                total += Math.max(group, 1) * SCALES.get(word);
                group = 0;
                any = true;
            } else if (!word.equals("and")) {
                return OptionalLong.empty();
            }
        }
        return any ? OptionalLong.of(total + group) : OptionalLong.empty();
    }

    /** Spells a whole number: 24 → "twenty-four", -3 → "minus three". */
    static String spell(long value) {
        if (value < 0) {
            return "minus " + spell(-value);
        }
        if (value < 20) {
            return SMALL[(int) value];
        }
        if (value < 100) {
            return TENS[(int) (value / 10)] + (value % 10 == 0 ? "" : "-" + SMALL[(int) (value % 10)]);
        }
        if (value < 1000) {
            return SMALL[(int) (value / 100)] + " hundred" + (value % 100 == 0 ? "" : " and " + spell(value % 100));
        }
        for (long scale : new long[] {1_000_000_000L, 1_000_000L, 1_000L}) {
            if (value >= scale) {
                String name = scale == 1_000L ? "thousand" : scale == 1_000_000L ? "million" : "billion";
                long rest = value % scale;
                return spell(value / scale) + " " + name + (rest == 0 ? "" : (rest < 100 ? " and " : " ") + spell(rest));
            }
        }
        throw new AssertionError(value);
    }

    private static long unitValue(String word) {
        for (int i = 0; i < SMALL.length; i++) {
            if (SMALL[i].equals(word)) {
                return i;
            }
        }
        for (int i = 2; i < TENS.length; i++) {
            if (TENS[i].equals(word)) {
                return i * 10L;
            }
        }
        return -1;
    }
}
