package ai.asyncjava.kit.simulators.works;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The truth behind the works simulator: every generated work, and {@link #search} computing
 * exactly the page {@code /works} answers, so checks and notebooks can compare what an agent
 * found with what there was to find. Immutable, and the same for the same {@code (seed, size)}.
 */
public final class Corpus {

    /** The default page size, as OpenAlex's. */
    public static final int DEFAULT_PER_PAGE = 25;
    /** The largest page, as OpenAlex's. */
    public static final int MAX_PER_PAGE = 200;
    /** Basic paging reaches this many results at most ({@code page * per_page}), as OpenAlex's. */
    public static final int MAX_RESULTS = 10_000;
    /** The fields {@code sort} knows. */
    public static final List<String> SORT_FIELDS = List.of("cited_by_count", "display_name", "publication_date",
            "publication_year", "relevance_score");
    /** The fields {@code filter} knows. */
    public static final List<String> FILTER_FIELDS = List.of("cites");

    // BM25's usual constants; a title word weighs as much as three abstract words.
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int TITLE_WEIGHT = 3;

    private static final Map<String, Corpus> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Corpus> eldest) {
            return size() > 4;
        }
    });

    private final long seed;
    private final List<Work> works;
    private final List<IndexedWork> indexed;
    private final Map<String, Work> byShortId = new HashMap<>();
    private final Map<String, BitSet> postings = new HashMap<>();
    private final BitSet everyWork = new BitSet();
    private final Map<String, List<Work>> citing = new HashMap<>();
    private final double averageLength;

    private Corpus(long seed, List<Work> works) {
        this.seed = seed;
        this.works = List.copyOf(works);
        this.indexed = this.works.stream().map(IndexedWork::new).toList();
        long totalLength = 0;
        for (int i = 0; i < indexed.size(); i++) {
            IndexedWork w = indexed.get(i);
            int index = i;
            everyWork.set(i);
            byShortId.put(w.work.shortId().toUpperCase(Locale.ROOT), w.work);
            w.distinctTerms().forEach(t -> postings.computeIfAbsent(t, k -> new BitSet()).set(index));
            totalLength += w.length();
            for (String cited : w.work.referencedWorks()) {
                citing.computeIfAbsent(cited, c -> new ArrayList<>()).add(w.work);
            }
        }
        this.averageLength = indexed.isEmpty() ? 1 : (double) totalLength / indexed.size();
    }

    /** The corpus of {@code size} works for {@code seed}; generated once and shared (it is immutable). */
    public static Corpus generate(long seed, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a corpus needs at least one work, not " + size);
        }
        return CACHE.computeIfAbsent(seed + "/" + size, k -> new Corpus(seed, CorpusWriter.write(seed, size)));
    }

    /** A corpus of these works, uncached: for tests. */
    static Corpus fromWorks(long seed, List<Work> works) {
        return new Corpus(seed, works);
    }

    /** The seed it was generated from. */
    public long seed() {
        return seed;
    }

    /** Every work, in a fixed order. */
    public List<Work> works() {
        return works;
    }

    /** The research themes, e.g. {@code gut-brain}: the values of {@link Work#topic()}. */
    public List<String> topics() {
        return Themes.ALL.stream().map(Themes.Theme::key).toList();
    }

    /** The key of the theme the chapter's question (the gut microbiome and mental health) is about. */
    public static String questionTopic() {
        return Themes.GUT_BRAIN;
    }

    /** The work with this ID: {@code W123…}, {@code https://openalex.org/W123…}, any case. */
    public Optional<Work> byId(String openAlexId) {
        if (openAlexId == null) {
            return Optional.empty();
        }
        String id = openAlexId.strip();
        if (id.regionMatches(true, 0, Work.ID_PREFIX, 0, Work.ID_PREFIX.length())) {
            id = id.substring(Work.ID_PREFIX.length());
        }
        return Optional.ofNullable(byShortId.get(id.toUpperCase(Locale.ROOT)));
    }

    /** The works that cite the work with this ID (what {@code filter=cites:W…} lists), most cited first. */
    public List<Work> citing(String openAlexId) {
        return byId(openAlexId).map(w -> citing.getOrDefault(w.id(), List.of())).orElse(List.of()).stream()
                .sorted(Comparator.comparingInt(Work::citedByCount).reversed().thenComparing(Work::id)).toList();
    }

    /** The first page of 25 for {@code search}, by relevance: {@code /works?search=…}. */
    public SearchResult search(String search) {
        return search(search, DEFAULT_PER_PAGE, 1, null);
    }

    /**
     * What {@code /works?search=…&per_page=…&page=…&sort=…} answers.
     *
     * @param search  the search, as in the URL (null or blank: no search, every work)
     * @param perPage 1 to {@value #MAX_PER_PAGE}
     * @param page    from 1, with {@code page * perPage} at most {@value #MAX_RESULTS}
     * @param sort    e.g. {@code cited_by_count:desc}; null or blank for the default: relevance when
     *                searching, else most cited first
     * @throws WorksError (400) in the cases the server answers 400
     */
    public SearchResult search(String search, int perPage, int page, String sort) {
        return list(search, null, perPage, page, sort);
    }

    /** A listing with an optional {@code filter} too (only {@code cites:W…} is known). */
    SearchResult list(String search, String filter, int perPage, int page, String sort) {
        checkPaging(perPage, page);
        boolean searching = search != null && !search.isBlank();
        List<Comparator<Scored>> order = sortOrder(sort, searching);
        SearchQuery.Node query = searching ? SearchQuery.parse(search) : null;
        String cites = citesFilter(filter);

        List<Scored> matches = new ArrayList<>();
        if (query == null) {
            BitSet listed = cites == null ? everyWork : citingBits(cites);
            listed.stream().forEach(i -> matches.add(new Scored(indexed.get(i).work, Double.NaN)));
        } else {
            Map<SearchQuery.Leaf, BitSet> leafWorks = new HashMap<>();
            SearchQuery.Postings lookup = new SearchQuery.Postings() {
                public BitSet works(SearchQuery.Leaf leaf) {
                    return leafWorks.computeIfAbsent(leaf, Corpus.this::worksWith);
                }

                public BitSet all() {
                    return everyWork;
                }
            };
            BitSet found = (BitSet) query.works(lookup).clone();
            if (cites != null) {
                found.and(citingBits(cites));
            }
            List<SearchQuery.Leaf> leaves = new ArrayList<>();
            query.scoringLeaves(leaves);
            Map<SearchQuery.Leaf, Double> idf = new HashMap<>();
            for (SearchQuery.Leaf leaf : leaves) {
                idf.put(leaf, inverseDocumentFrequency(lookup.works(leaf).cardinality()));
            }
            found.stream().forEach(i -> matches.add(new Scored(indexed.get(i).work, score(indexed.get(i), leaves, idf))));
        }
        Comparator<Scored> comparator = order.stream().reduce(Comparator::thenComparing).orElseThrow()
                .thenComparing(s -> s.work.id());
        matches.sort(comparator);
        int from = Math.min(matches.size(), (page - 1) * perPage);
        int to = Math.min(matches.size(), from + perPage);
        List<SearchResult.Hit> hits = matches.subList(from, to).stream()
                .map(s -> new SearchResult.Hit(s.work, s.score)).toList();
        return new SearchResult(matches.size(), page, perPage, hits);
    }

    private record Scored(Work work, double score) {
    }

    private double inverseDocumentFrequency(int documentFrequency) {
        return Math.log(1 + (indexed.size() - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    // A term's postings; a phrase's: the works with all its terms, kept where they stand in a row.
    private BitSet worksWith(SearchQuery.Leaf leaf) {
        BitSet works = (BitSet) postings.getOrDefault(leaf.terms().getFirst(), new BitSet()).clone();
        if (leaf.terms().size() == 1) {
            return works;
        }
        leaf.terms().stream().skip(1).forEach(t -> works.and(postings.getOrDefault(t, new BitSet())));
        for (int i : works.stream().toArray()) {
            if (indexed.get(i).inTitle(leaf.terms()) + indexed.get(i).inAbstract(leaf.terms()) == 0) {
                works.clear(i);
            }
        }
        return works;
    }

    private BitSet citingBits(String cites) {
        BitSet works = new BitSet();
        List<Work> citingWorks = citing(cites);
        for (int i = 0; i < indexed.size(); i++) {
            if (citingWorks.contains(indexed.get(i).work)) {
                works.set(i);
            }
        }
        return works;
    }

    // BM25 over title and abstract together, stop words never counting.
    private double score(IndexedWork w, List<SearchQuery.Leaf> leaves, Map<SearchQuery.Leaf, Double> idf) {
        double score = 0;
        double lengthNorm = K1 * (1 - B + B * w.length() / averageLength);
        for (SearchQuery.Leaf leaf : leaves) {
            if (leaf.terms().size() == 1 && Text.isStopWord(leaf.terms().getFirst())) {
                continue;
            }
            double tf = TITLE_WEIGHT * w.inTitle(leaf.terms()) + w.inAbstract(leaf.terms());
            if (tf > 0) {
                score += idf.get(leaf) * tf * (K1 + 1) / (tf + lengthNorm);
            }
        }
        return Math.round(score * 1e6) / 1e6;
    }

    private static void checkPaging(int perPage, int page) {
        if (page < 1) {
            throw WorksError.pagination("Page parameter must be greater than 0.");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw WorksError.pagination("per-page parameter must be between 1 and " + MAX_PER_PAGE);
        }
        if ((long) page * perPage > MAX_RESULTS) {
            throw WorksError.pagination(String.format(Locale.ROOT, "Maximum results size of %,d records is exceeded."
                    + " Cursor pagination is required for records beyond %,d.", MAX_RESULTS, MAX_RESULTS));
        }
    }

    // OpenAlex's sort: comma-separated field[:asc|desc], ascending when no direction is given.
    private static List<Comparator<Scored>> sortOrder(String sort, boolean searching) {
        if (sort == null || sort.isBlank()) {
            sort = searching ? "relevance_score:desc" : "cited_by_count:desc";
        }
        List<Comparator<Scored>> order = new ArrayList<>();
        for (String part : sort.split(",")) {
            String[] fieldAndDirection = part.strip().split(":");
            String field = fieldAndDirection[0].replace('-', '_');
            String direction = fieldAndDirection.length > 1 ? fieldAndDirection[1] : "asc";
            if (fieldAndDirection.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                throw WorksError.invalidParameter("Invalid query parameter in " + part.strip() + ".");
            }
            if (!SORT_FIELDS.contains(field)) {
                throw WorksError.invalidParameter(field + " is not a valid field. Valid fields are underscore or"
                        + " hyphenated versions of: " + String.join(", ", SORT_FIELDS));
            }
            if (field.equals("relevance_score") && !searching) {
                throw WorksError.invalidParameter("Must include a search query (such as ?search=example) in order to"
                        + " sort by relevance_score.");
            }
            Comparator<Scored> by = switch (field) {
                case "cited_by_count" -> Comparator.comparingInt(s -> s.work.citedByCount());
                case "display_name" -> Comparator.comparing(s -> s.work.title());
                case "publication_date" -> Comparator.comparing(s -> s.work.publicationDate());
                case "publication_year" -> Comparator.comparingInt(s -> s.work.publicationYear());
                default -> Comparator.comparingDouble(s -> s.score);
            };
            order.add(direction.equals("desc") ? by.reversed() : by);
        }
        return order;
    }

    // Only cites:W… is known; any other field gets OpenAlex's "not a valid field" answer.
    private String citesFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        String cites = null;
        for (String part : filter.split(",")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw WorksError.invalidParameter("Invalid query parameter in " + part + ".");
            }
            String field = part.substring(0, colon).strip().replace('-', '_');
            if (!FILTER_FIELDS.contains(field)) {
                throw WorksError.invalidParameter(field + " is not a valid field. Valid fields are underscore or"
                        + " hyphenated versions of: " + String.join(", ", FILTER_FIELDS));
            }
            cites = part.substring(colon + 1).strip();
        }
        return cites;
    }

    /**
     * Rebuilds an abstract from OpenAlex's inverted index: each word put at each of its positions,
     * then the words joined with single spaces. The ground truth a learner's rebuild is checked against.
     *
     * @throws IllegalArgumentException when the positions do not cover 0 to n-1 exactly once each
     */
    public static String abstractText(Map<String, List<Integer>> invertedIndex) {
        if (invertedIndex == null || invertedIndex.isEmpty()) {
            return "";
        }
        TreeMap<Integer, String> byPosition = new TreeMap<>();
        invertedIndex.forEach((word, positions) -> positions.forEach(p -> {
            if (byPosition.put(p, word) != null) {
                throw new IllegalArgumentException("position " + p + " holds two words");
            }
        }));
        if (byPosition.firstKey() != 0 || byPosition.lastKey() != byPosition.size() - 1) {
            throw new IllegalArgumentException("the positions do not run from 0 to " + (byPosition.size() - 1));
        }
        return byPosition.values().stream().collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return works.size() + " works (seed " + seed + ") on " + String.join(", ", topics());
    }
}
