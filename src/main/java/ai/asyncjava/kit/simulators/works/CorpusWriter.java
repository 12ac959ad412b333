package ai.asyncjava.kit.simulators.works;

import ai.asyncjava.kit.simulators.StableHash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the corpus: for each work a theme drawn by weight, a title and a structured abstract
 * (background, aim, methods, results, conclusion) from templates filled with the theme's words,
 * authors, a journal, a date, a citation count and references to older works of its theme.
 * Everything follows from the seed.
 */
final class CorpusWriter {

    private static final List<String> TITLES = List.of(
            "{Exposure} and {outcome} in {population}: a {design}",
            "{TopicShort} and {outcome}: the role of {mechanism}",
            "Does {exposure} affect {outcome}? Evidence from a {design}",
            "{Mechanism} as a link between {topicShort} and {outcome}",
            "{TopicShort}, {mechanism} and {outcome} in {population}",
            "Effects of {exposure} on {outcome} and {measure}",
            "{Outcome} and {topicShort}: what a {design} in {population} shows",
            "{TopicShort} and {outcome}: a {design}",
            "{Exposure}, {measure} and {outcome}",
            "Is {mechanism} the missing link between {topicShort} and {outcome}?",
            "{Outcome} in {population}: the role of {exposure}",
            "From {topicShort} to {outcome}: {mechanism} in {population}",
            "{Measure} and {outcome} after {exposure}: a {design}",
            "{Exposure} changes {measure} in {population}");

    private static final List<String> BACKGROUND = List.of(
            "{Topic} has been increasingly recognised as a determinant of {outcome}, yet the evidence remains fragmented.",
            "Growing evidence suggests that {topic} can shape {outcome} through {mechanism}.",
            "The links between {topic} and {outcome} have attracted wide attention, but causal evidence is scarce.",
            "There is growing concern about {outcome}, and interest in {topic} as a target is growing.",
            "Studies of {topic} report mixed effects on {outcome}, and the role of {mechanism} is debated.");

    private static final List<String> AIMS = List.of(
            "In this {design}, we examined the association between {exposure} and {outcome} in {population}.",
            "We conducted a {design} to test the effect of {exposure} on {outcome} among {population}.",
            "This {design} asks how {exposure} relates to {outcome} in {population}.");

    private static final List<String> METHODS = List.of(
            "We used {method} to characterise {measure}, and assessed {outcome} at baseline and at follow-up.",
            "We combined {method} with {method2} to quantify {measure} in {n} samples.",
            "Data from {n} {population} were analysed with {method}.",
            "We recorded {measure} with {method} and adjusted the analysis for age, sex and baseline {outcome}.");

    private static final List<String> RESULTS = List.of(
            "We found {exposure} to be associated with {direction} {outcome} (p < 0.{p}).",
            "Compared with controls, the intervention group showed {direction} {measure} and {direction2} {outcome}.",
            "The effect of {exposure} on {outcome} was partly mediated by {mechanism}.",
            "{Measure} differed between groups, and the differences persisted after adjustment for confounders.",
            "Across {n} participants, {direction} {measure} predicted {direction2} {outcome} one year later.",
            "The association between {topicShort} and {outcome} was strongest in {population}.");

    private static final List<String> CONCLUSIONS = List.of(
            "These findings suggest that {topic} may influence {outcome} via {mechanism}.",
            "Our results support a role for {mechanism} in the relation between {exposure} and {outcome}, and call for larger trials.",
            "Targeting {mechanism} could offer new strategies to improve {outcome}.",
            "Future work should test whether changing {topicShort} improves {outcome} in {population}.");

    private static final List<String> DIRECTIONS = List.of("higher", "lower", "reduced", "increased", "greater", "weaker");
    private static final List<String> P_VALUES = List.of("05", "01", "001");

    private static final List<String> FIRST_NAMES = List.of("Maria", "James", "Wei", "Aisha", "Lars", "Priya", "Kenji",
            "Sofia", "Tomás", "Amara", "Chen", "Olga", "Mateo", "Fatima", "Noah", "Ingrid", "Ravi", "Yuki", "Elena",
            "Kwame", "Hannah", "Diego", "Leila", "Sven", "Anna", "Omar", "Grace", "Pierre", "Mei", "Jonas", "Zanele",
            "Lucas", "Sara", "Hiroshi", "Nadia", "Ethan", "Ayesha", "Marco", "Eva", "Tariq");
    private static final List<String> LAST_NAMES = List.of("Rossi", "Smith", "Zhang", "Okafor", "Nielsen", "Sharma",
            "Tanaka", "García", "Müller", "Kowalski", "Li", "Petrova", "Silva", "Haddad", "Johansson", "Dubois", "Kim",
            "Nguyen", "Mensah", "Cohen", "Fischer", "Lopez", "Ahmed", "Larsen", "Novak", "Ivanova", "Brown", "Wang",
            "Moreau", "Bianchi", "Yamamoto", "Costa", "Schmidt", "Patel", "Andersen", "Moyo", "Romano", "Chen",
            "Hoffmann", "Suzuki", "Martin", "Jansen", "Kaya", "Ferreira", "Lindqvist", "Osei", "Park", "Wójcik");

    /** Where the authors work: name and country code. */
    static final List<String[]> INSTITUTIONS = List.of(
            new String[] {"University of Northbridge", "GB"}, new String[] {"Lakeside Institute of Technology", "US"},
            new String[] {"Università di Valmonte", "IT"}, new String[] {"Eastport University", "US"},
            new String[] {"Nordhavn University", "DK"}, new String[] {"Institut Beaumont", "FR"},
            new String[] {"Universität Steinfeld", "DE"}, new String[] {"Kiyosato University", "JP"},
            new String[] {"Universidad de Altamira", "ES"}, new String[] {"Cape Meridian University", "ZA"},
            new String[] {"Southern Cross Institute", "AU"}, new String[] {"Huaxin University", "CN"},
            new String[] {"Maple Ridge University", "CA"}, new String[] {"Instituto Serra Azul", "BR"},
            new String[] {"Vistula Medical University", "PL"}, new String[] {"Lagos Institute of Health", "NG"},
            new String[] {"Hanseong National University", "KR"}, new String[] {"Riverside Medical Centre", "NL"},
            new String[] {"Ganges Institute of Science", "IN"}, new String[] {"Fjordland University Hospital", "NO"});

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
    /** "a" before a vowel, to be made "an": "an animal study". */
    private static final Pattern AN = Pattern.compile("\\b([Aa])\\s(?=[aeiouAEIOU])");

    private CorpusWriter() {
    }

    /** {@code size} works from {@code seed}; the same arguments always give the same works. */
    static List<Work> write(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        int totalWeight = Themes.ALL.stream().mapToInt(Themes.Theme::weight).sum();
        Set<Long> usedIds = new HashSet<>();
        List<Draft> drafts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Themes.Theme theme = drawTheme(random.nextInt(totalWeight));
            long number;
            do {
                number = random.nextLong(2_000_000_000L, 5_000_000_000L);
            } while (!usedIds.add(number));
            drafts.add(draft(theme, number, i, random));
        }
        // References point to older works of the same theme: a citation graph for "going further".
        Map<String, List<Draft>> byTheme = new HashMap<>();
        drafts.forEach(d -> byTheme.computeIfAbsent(d.theme.key(), k -> new ArrayList<>()).add(d));
        Map<String, List<String>> datesByTheme = new HashMap<>();
        byTheme.forEach((theme, list) -> {
            list.sort(Comparator.comparing(Draft::date).thenComparing(Draft::id));
            datesByTheme.put(theme, list.stream().map(Draft::date).toList());
        });
        List<Work> works = new ArrayList<>(size);
        for (Draft d : drafts) {
            List<Draft> sameTheme = byTheme.get(d.theme.key());
            List<String> dates = datesByTheme.get(d.theme.key());
            int firstSameDay = Collections.binarySearch(dates, d.date);
            while (firstSameDay > 0 && dates.get(firstSameDay - 1).equals(d.date)) {
                firstSameDay--;
            }
            List<Draft> older = sameTheme.subList(0, firstSameDay);
            List<String> references = new ArrayList<>();
            int wanted = Math.min(older.size(), 3 + random.nextInt(10));
            Set<Integer> picked = new HashSet<>();
            while (references.size() < wanted) {
                int index = random.nextInt(older.size());
                if (picked.add(index)) {
                    references.add(older.get(index).id);
                }
            }
            works.add(new Work(d.id, d.title, d.year, d.date, d.citedBy, d.authors, d.journal, d.abstractText, d.doi,
                    d.theme.key(), references));
        }
        return works;
    }

    /** A work before its references are chosen. */
    private record Draft(Themes.Theme theme, String id, String title, int year, String date, int citedBy,
                         List<String> authors, String journal, String abstractText, String doi) {
    }

    private static Draft draft(Themes.Theme theme, long number, int serial, SplittableRandom random) {
        Map<String, String> fill = new HashMap<>();
        for (String slot : theme.slots().keySet()) {
            fill.put(slot, pick(theme.slot(slot), random));
        }
        List<String> methods = theme.slot("method");
        fill.put("method2", methods.get((methods.indexOf(fill.get("method")) + 1) % methods.size()));
        fill.put("direction", pick(DIRECTIONS, random));
        fill.put("direction2", pick(DIRECTIONS, random));
        fill.put("p", pick(P_VALUES, random));
        fill.put("n", Integer.toString(20 + random.nextInt(2_000)));

        String title = render(pick(TITLES, random), fill, theme, random);
        List<String> templates = new ArrayList<>();
        templates.addAll(distinct(BACKGROUND, 1 + random.nextInt(2), random));
        templates.addAll(distinct(AIMS, 1, random));
        templates.addAll(distinct(METHODS, 1 + random.nextInt(2), random));
        templates.addAll(distinct(RESULTS, 2 + random.nextInt(2), random));
        templates.addAll(distinct(CONCLUSIONS, 1, random));
        List<String> sentences = templates.stream().map(t -> render(t, fill, theme, random)).toList();
        String abstractText = String.join(" ", sentences).replaceAll("\\s+", " ").strip();

        // Recent years are more common, as in the literature; older works have had time to be cited.
        int year = Math.max(2000, 2025 - (int) Math.floor(Math.abs(random.nextGaussian()) * 6));
        String date = String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        double expected = 3 + (2026 - year) * 6;
        int citedBy = (int) Math.round(expected * Math.exp(random.nextGaussian() * 0.9));

        int authorCount = 1 + random.nextInt(7);
        List<String> authors = new ArrayList<>();
        while (authors.size() < authorCount) {
            String name = pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random);
            if (!authors.contains(name)) {
                authors.add(name);
            }
        }
        String journal = pick(theme.journals(), random);
        String doi = "https://doi.org/10.5555/" + abbreviation(journal) + "." + year + "."
                + String.format(Locale.ROOT, "%05d", serial + 1);
        return new Draft(theme, Work.ID_PREFIX + "W" + number, title, year, date, citedBy, List.copyOf(authors), journal,
                abstractText, doi);
    }

    /** Fills {slot} with the chosen words and {Slot} with them capitalised; another draw for {@code n} each time. */
    private static String render(String template, Map<String, String> fill, Themes.Theme theme, SplittableRandom random) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            boolean capital = Character.isUpperCase(name.charAt(0));
            String key = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            String value = key.equals("n") ? Integer.toString(20 + random.nextInt(2_000)) : fill.get(key);
            if (value == null) {
                throw new IllegalStateException("theme " + theme.key() + ": no words for {" + name + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(capital ? capitalise(value) : value));
        }
        m.appendTail(out);
        return capitalise(AN.matcher(out).replaceAll("$1n "));
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String abbreviation(String journal) {
        StringBuilder letters = new StringBuilder();
        for (String word : journal.split("[ ,\\-]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                letters.append(Character.toLowerCase(word.charAt(0)));
            }
        }
        return letters.toString();
    }

    private static Themes.Theme drawTheme(int ticket) {
        for (Themes.Theme theme : Themes.ALL) {
            ticket -= theme.weight();
            if (ticket < 0) {
                return theme;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** {@code count} different items, in the order drawn. */
    private static <T> List<T> distinct(List<T> items, int count, SplittableRandom random) {
        List<T> left = new ArrayList<>(items);
        List<T> drawn = new ArrayList<>();
        while (drawn.size() < count && !left.isEmpty()) {
            drawn.add(left.remove(random.nextInt(left.size())));
        }
        return drawn;
    }

    private static <T> T pick(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    /** The institution an author works at: fixed per name, so an author keeps one affiliation. */
    static String[] institutionOf(String author) {
        return INSTITUTIONS.get((int) Math.floorMod(StableHash.of(author), (long) INSTITUTIONS.size()));
    }
}
