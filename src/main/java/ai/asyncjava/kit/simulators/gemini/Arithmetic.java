package ai.asyncjava.kit.simulators.gemini;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and solves the sum in prompts like "What is two times 12?", "What is 7 plus nine?",
 * "What is the product of 3 and 4?". Numbers may be digits or English words.
 */
final class Arithmetic {

    /** A solved sum: the operands as written in digits, the operation's word and the result. */
    record Solution(BigDecimal left, String operation, BigDecimal right, BigDecimal result) {
    }

    private enum Op {
        PLUS("plus"), MINUS("minus"), TIMES("times"), DIVIDED("divided by");

        final String word;

        Op(String word) {
            this.word = word;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\d+(?:\\.\\d+)?|[a-z]+|[+\\-*/×÷]");

    private Arithmetic() {
    }

    /** The solution of the first sum in {@code prompt}, if it has one. */
    static Optional<Solution> solve(String prompt) {
        List<Object> tokens = foldNumbers(tokenize(prompt));
        for (int i = 0; i < tokens.size(); i++) {
            int at = i;
            Optional<Solution> found = binaryAt(tokens, at).or(() -> namedAt(tokens, at));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    // "A op B" where op is one or two words or a symbol.
    private static Optional<Solution> binaryAt(List<Object> tokens, int i) {
        if (!(tokens.get(i) instanceof BigDecimal left)) {
            return Optional.empty();
        }
        for (int width = 1; width <= 2 && i + width + 1 < tokens.size(); width++) {
            Op op = operator(tokens.subList(i + 1, i + 1 + width));
            if (op != null && tokens.get(i + 1 + width) instanceof BigDecimal right) {
                return apply(left, op, right);
            }
        }
        return Optional.empty();
    }

    // "the sum of A and B", "the difference between A and B", "the product of A and B", "the quotient of A and B".
    private static Optional<Solution> namedAt(List<Object> tokens, int i) {
        if (i + 4 >= tokens.size() || !(tokens.get(i) instanceof String name)) {
            return Optional.empty();
        }
        Op op = switch (name) {
            case "sum" -> Op.PLUS;
            case "difference" -> Op.MINUS;
            case "product" -> Op.TIMES;
            case "quotient" -> Op.DIVIDED;
            default -> null;
        };
        boolean linked = "of".equals(tokens.get(i + 1)) || "between".equals(tokens.get(i + 1));
        if (op != null && linked && tokens.get(i + 2) instanceof BigDecimal left
                && "and".equals(tokens.get(i + 3)) && tokens.get(i + 4) instanceof BigDecimal right) {
            return apply(left, op, right);
        }
        return Optional.empty();
    }

    private static Op operator(List<Object> words) {
        String text = String.join(" ", words.stream().map(String::valueOf).toList());
        return switch (text) {
            case "plus", "+", "added to" -> Op.PLUS;
            case "minus", "-", "less", "take away" -> Op.MINUS;
            case "times", "x", "*", "×", "multiplied by" -> Op.TIMES;
            case "divided by", "/", "÷", "over" -> Op.DIVIDED;
            default -> null;
        };
    }

    private static Optional<Solution> apply(BigDecimal left, Op op, BigDecimal right) {
        BigDecimal result = switch (op) {
            case PLUS -> left.add(right);
            case MINUS -> left.subtract(right);
            case TIMES -> left.multiply(right);
            case DIVIDED -> right.signum() == 0 ? null : left.divide(right, MathContext.DECIMAL64);
        };
        if (result == null) {
            return Optional.empty();
        }
        return Optional.of(new Solution(left, op.word, right, result.stripTrailingZeros()));
    }

    private static List<String> tokenize(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT).replaceAll("(?<=[a-z])-(?=[a-z])", " ");
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    // Digits and runs of number words become BigDecimal; other tokens stay strings.
    private static List<Object> foldNumbers(List<String> tokens) {
        List<Object> folded = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            if (Character.isDigit(token.charAt(0))) {
                folded.add(new BigDecimal(token));
                i++;
                continue;
            }
            int end = i;
            while (end < tokens.size() && (NumberWords.isNumberWord(tokens.get(end))
                    || ("and".equals(tokens.get(end)) && end > i && end + 1 < tokens.size()
                        && isScale(tokens.get(end - 1)) && NumberWords.isNumberWord(tokens.get(end + 1))))) {
                end++;
            }
            OptionalLong value = end > i ? NumberWords.parse(tokens.subList(i, end)) : OptionalLong.empty();
            if (value.isPresent()) {
                folded.add(BigDecimal.valueOf(value.getAsLong()));
                i = end;
            } else {
                folded.add(token);
                i++;
            }
        }
        return folded;
    }

    private static boolean isScale(String word) {
        return word.equals("hundred") || word.equals("thousand") || word.equals("million") || word.equals("billion");
    }
}
