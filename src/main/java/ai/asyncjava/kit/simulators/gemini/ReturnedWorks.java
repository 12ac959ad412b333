package ai.asyncjava.kit.simulators.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the works a client sent back in a search tool's function response. Tolerant of the
 * shapes learners send: OpenAlex's own answer ({@code {"meta":…, "results":[…]}}), the results
 * under {@code output} or {@code result} (as a map, a list, or a JSON string), and
 * {@code {"error": "…"}} for a failed search. In each work: {@code id} (an OpenAlex URL or a bare
 * {@code W…}), {@code title} or {@code display_name}, {@code publication_year} (or the year of
 * {@code publication_date}), the first author from {@code authorships[0].author.display_name} (or
 * {@code authors}), and the abstract as text ({@code abstract}) or inverted index.
 */
final class ReturnedWorks {

    private static final List<String> WRAPPERS = List.of("output", "result", "response", "data", "content");

    /**
     * One work as the script uses it.
     *
     * @param id          the bare OpenAlex id, e.g. {@code W2741809807}
     * @param title       its title, "" when missing
     * @param firstAuthor the first author's display name, "" when missing
     * @param authorCount how many authors it lists
     * @param year        its publication year, 0 when missing
     * @param abstractText its abstract as text, "" when missing
     */
    record Work(String id, String title, String firstAuthor, int authorCount, int year, String abstractText) {

        /** {@code https://openalex.org/W…}: the link a citation uses. */
        String url() {
            return "https://openalex.org/" + id;
        }

        /** {@code Lastname et al., 2021}; one author: {@code Lastname, 2021}. */
        String citation() {
            String surname = surname(firstAuthor);
            String who = surname.isEmpty() ? "Anonymous" : surname;
            String when = year > 0 ? String.valueOf(year) : "n.d.";
            return who + (authorCount > 1 || surname.isEmpty() ? " et al., " : ", ") + when;
        }
    }

    /** What one function response holds. */
    record Outcome(List<Work> works, boolean failed) {
    }

    private ReturnedWorks() {
    }

    static Outcome read(Map<String, Object> response) {
        Object results = results(response, 0);
        if (results instanceof List<?> list) {
            List<Work> works = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Work work = work(map);
                    if (work != null) {
                        works.add(work);
                    }
                }
            }
            return new Outcome(works, false);
        }
        return new Outcome(List.of(), containsKey(response, "error", 0));
    }

    static String surname(String name) {
        String[] words = name.strip().split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            String word = words[i].replaceAll("[^\\p{L}'-]", "");
            if (word.length() > 1 && !word.equalsIgnoreCase("jr") && !word.equalsIgnoreCase("sr")) {
                return word;
            }
        }
        return "";
    }

    // The results list wherever it sits: top level, under a wrapper key, or in a JSON string.
    private static Object results(Object node, int depth) {
        if (depth > 4 || node == null) {
            return null;
        }
        if (node instanceof String text && text.strip().startsWith("{")) {
            return results(parse(text), depth + 1);
        }
        if (node instanceof List<?> list && depth > 0) {
            return list;
        }
        if (node instanceof Map<?, ?> map) {
            if (map.get("results") instanceof List<?> list) {
                return list;
            }
            for (String key : WRAPPERS) {
                Object found = results(map.get(key), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean containsKey(Object node, String key, int depth) {
        if (depth > 4 || node == null) {
            return false;
        }
        if (node instanceof String text && text.strip().startsWith("{")) {
            return containsKey(parse(text), key, depth + 1);
        }
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey(key)) {
                return true;
            }
            for (String wrapper : WRAPPERS) {
                if (containsKey(map.get(wrapper), key, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object parse(String json) {
        try {
            return GeminiJson.MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static Work work(Map<?, ?> item) {
        String rawId = text(item.get("id"));
        if (rawId.isEmpty()) {
            return null;
        }
        String id = rawId.substring(rawId.lastIndexOf('/') + 1);
        String title = text(item.get("title"));
        if (title.isEmpty()) {
            title = text(item.get("display_name"));
        }
        int year = year(item);
        List<String> authors = authors(item);
        String abstractText = text(item.get("abstract"));
        if (abstractText.isEmpty() && item.get("abstract_inverted_index") instanceof Map<?, ?> index) {
            abstractText = rebuild(index);
        }
        return new Work(id, title, authors.isEmpty() ? "" : authors.getFirst(), authors.size(), year, abstractText);
    }

    private static int year(Map<?, ?> item) {
        Object year = item.get("publication_year");
        if (year instanceof Number n) {
            return n.intValue();
        }
        String text = text(year);
        if (text.isEmpty()) {
            text = text(item.get("publication_date"));
        }
        return text.length() >= 4 && text.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(text.substring(0, 4)) : 0;
    }

    private static List<String> authors(Map<?, ?> item) {
        List<String> names = new ArrayList<>();
        Object list = item.get("authorships") != null ? item.get("authorships") : item.get("authors");
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                String name = switch (entry) {
                    case String s -> s;
                    case Map<?, ?> m when m.get("author") instanceof Map<?, ?> author -> text(author.get("display_name"));
                    case Map<?, ?> m -> text(m.get("display_name") != null ? m.get("display_name") : m.get("name"));
                    default -> "";
                };
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private static String rebuild(Map<?, ?> index) {
        TreeMap<Integer, String> byPosition = new TreeMap<>();
        index.forEach((word, positions) -> {
            if (positions instanceof List<?> list) {
                list.forEach(p -> {
                    if (p instanceof Number n) {
                        byPosition.put(n.intValue(), String.valueOf(word));
                    }
                });
            }
        });
        return String.join(" ", byPosition.values());
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }
}
