package ai.asyncjava.kit.simulators.works;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The {@code search} parameter's language, as OpenAlex documents it: words, "quoted phrases",
 * {@code AND}, {@code OR} and {@code NOT} in upper case, parentheses; words with no operator between
 * them must all match (AND). Lower-case and/or/not are ordinary (stop) words. A word that the text
 * analysis splits, like gut-brain, is matched as a phrase. Stop words alone match nothing.
 */
final class SearchQuery {

    /** Which works each leaf matches, by their index in the corpus: the query is evaluated as set algebra. */
    interface Postings {
        /** The works that contain the term, or the phrase's terms in a row. */
        BitSet works(Leaf leaf);

        /** Every work. */
        BitSet all();
    }

    /** A parsed query, or a part of one. */
    sealed interface Node permits Leaf, All, Any, Not, Nothing {
        /** The works that match. */
        BitSet works(Postings postings);

        /** Adds the leaves that count towards relevance: those not under a NOT. */
        void scoringLeaves(List<Leaf> out);
    }

    /** A term (one element) or a phrase (its terms in a row). */
    record Leaf(List<String> terms) implements Node {
        public BitSet works(Postings postings) {
            return postings.works(this);
        }

        public void scoringLeaves(List<Leaf> out) {
            out.add(this);
        }
    }

    /** Every part must match. */
    record All(List<Node> parts) implements Node {
        public BitSet works(Postings postings) {
            BitSet works = (BitSet) parts.getFirst().works(postings).clone();
            parts.stream().skip(1).forEach(p -> works.and(p.works(postings)));
            return works;
        }

        public void scoringLeaves(List<Leaf> out) {
            parts.forEach(p -> p.scoringLeaves(out));
        }
    }

    /** At least one part must match. */
    record Any(List<Node> parts) implements Node {
        public BitSet works(Postings postings) {
            BitSet works = new BitSet();
            parts.forEach(p -> works.or(p.works(postings)));
            return works;
        }

        public void scoringLeaves(List<Leaf> out) {
            parts.forEach(p -> p.scoringLeaves(out));
        }
    }

    /** The part must not match. */
    record Not(Node part) implements Node {
        public BitSet works(Postings postings) {
            BitSet works = (BitSet) postings.all().clone();
            works.andNot(part.works(postings));
            return works;
        }

        public void scoringLeaves(List<Leaf> out) {
            // what a work must not contain does not make it more relevant
        }
    }

    /** What is left of stop words alone: it constrains nothing, and alone it matches nothing. */
    record Nothing() implements Node {
        public BitSet works(Postings postings) {
            return new BitSet();
        }

        public void scoringLeaves(List<Leaf> out) {
        }
    }

    private enum Kind { WORD, PHRASE, AND, OR, NOT, OPEN, CLOSE }

    private record Token(Kind kind, String text) {
    }

    private final String raw;
    private final List<Token> tokens;
    private int next;

    private SearchQuery(String raw) {
        this.raw = raw;
        this.tokens = tokenize(raw);
    }

    /**
     * Parses a search.
     *
     * @throws WorksError (400) for an operator with a missing operand, unbalanced quotes or
     *                    parentheses, or the {@code !} and {@code |} operators OpenAlex refuses
     */
    static Node parse(String search) {
        SearchQuery parser = new SearchQuery(search);
        if (parser.tokens.isEmpty()) {
            return new Nothing();
        }
        Node node = parser.parseOr();
        if (parser.next < parser.tokens.size()) {
            throw parser.problem("It has a closing parenthesis with no opening one.");
        }
        return node;
    }

    private List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw problem("Its double quotes are unbalanced: every phrase needs a closing \".");
                }
                out.add(new Token(Kind.PHRASE, text.substring(i + 1, close)));
                i = close + 1;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c)));
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                        && "\"()".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String word = text.substring(i, end);
                if (word.startsWith("!")) {
                    throw WorksError.invalidParameter("The search parameter does not support the ! operator. Problem value: " + raw);
                }
                if (word.contains("|")) {
                    throw WorksError.invalidParameter("The search parameter does not support the | operator. Problem value: " + raw);
                }
                out.add(switch (word) {
                    case "AND" -> new Token(Kind.AND, word);
                    case "OR" -> new Token(Kind.OR, word);
                    case "NOT" -> new Token(Kind.NOT, word);
                    default -> new Token(Kind.WORD, word);
                });
                i = end;
            }
        }
        return out;
    }

    private Node parseOr() {
        List<Node> parts = new ArrayList<>();
        parts.add(parseAnd());
        while (peek(Kind.OR)) {
            next++;
            requireOperand("OR");
            parts.add(parseAnd());
        }
        return any(parts);
    }

    private Node parseAnd() {
        List<Node> parts = new ArrayList<>();
        parts.add(parseUnary());
        while (next < tokens.size()) {
            if (peek(Kind.AND)) {
                next++;
                requireOperand("AND");
            } else if (peek(Kind.OR) || peek(Kind.CLOSE)) {
                break;
            }
            parts.add(parseUnary());
        }
        return all(parts);
    }

    private Node parseUnary() {
        if (peek(Kind.NOT)) {
            next++;
            requireOperand("NOT");
            Node part = parseUnary();
            return part instanceof Nothing ? part : new Not(part);
        }
        return parsePrimary();
    }

    private Node parsePrimary() {
        if (next >= tokens.size()) {
            throw problem("A search term is missing at its end.");
        }
        Token token = tokens.get(next++);
        return switch (token.kind()) {
            case WORD, PHRASE -> leaf(token);
            case OPEN -> {
                if (peek(Kind.CLOSE)) {
                    throw problem("It has empty parentheses.");
                }
                Node inside = parseOr();
                if (!peek(Kind.CLOSE)) {
                    throw problem("Its parentheses are unbalanced: an opening one is never closed.");
                }
                next++;
                yield inside;
            }
            case CLOSE -> throw problem("It has a closing parenthesis with no opening one.");
            case AND, OR, NOT -> throw missingOperand(token.text());
        };
    }

    private static Node leaf(Token token) {
        List<String> terms = Text.terms(token.text());
        if (terms.stream().allMatch(Text::isStopWord)) {
            return new Nothing();
        }
        return new Leaf(List.copyOf(terms));
    }

    private void requireOperand(String operator) {
        if (next >= tokens.size() || peek(Kind.CLOSE) || peek(Kind.AND) || peek(Kind.OR)) {
            throw missingOperand(operator);
        }
    }

    private WorksError missingOperand(String operator) {
        return problem("The boolean operator " + operator + " needs a search term "
                + (operator.equals("NOT") ? "after it." : "on each side."));
    }

    private boolean peek(Kind kind) {
        return next < tokens.size() && tokens.get(next).kind() == kind;
    }

    private WorksError problem(String what) {
        return WorksError.invalidParameter("Invalid search. " + what + " Problem value: " + raw);
    }

    private static Node all(List<Node> parts) {
        List<Node> kept = parts.stream().filter(p -> !(p instanceof Nothing)).toList();
        return kept.isEmpty() ? new Nothing() : kept.size() == 1 ? kept.getFirst() : new All(kept);
    }

    private static Node any(List<Node> parts) {
        List<Node> kept = parts.stream().filter(p -> !(p instanceof Nothing)).toList();
        return kept.isEmpty() ? new Nothing() : kept.size() == 1 ? kept.getFirst() : new Any(kept);
    }
}
