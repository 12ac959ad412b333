package ai.asyncjava.kit.exercises.ch05;

/**
 * Makes a polite crawler: on top of the {@link Crawler} contract it fetches each host's
 * {@code /robots.txt} once, before any other page of that host, and never fetches what it
 * disallows for the user agent {@value PageFetcher#USER_AGENT}; and it keeps every host under {@code limit}, so the site never has to
 * answer 429. Seeds may lie on several hosts; each host gets its own limiter. A class with a
 * constructor {@code (int, int, HostLimit)} is one: {@code PoliteCrawler::new}.
 */
@FunctionalInterface
public interface PoliteCrawlerFactory {

    /**
     * A new crawler.
     *
     * @param workers  how many pages it fetches at the same time, 1 or more
     * @param maxPages the most pages one crawl fetches, 1 or more (robots.txt not counted)
     * @param limit    the most requests per window to one host
     */
    Crawler create(int workers, int maxPages, HostLimit limit);
}
