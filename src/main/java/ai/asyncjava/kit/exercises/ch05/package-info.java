/**
 * Chapter 05, web crawlers: the contracts learners implement. A {@link
 * ai.asyncjava.kit.exercises.ch05.PageFetcher} that fetches one page and keeps its same-host
 * links, and a {@link ai.asyncjava.kit.exercises.ch05.Crawler} that crawls a site breadth first
 * with N workers, made by {@link ai.asyncjava.kit.exercises.ch05.CrawlerFactory} and, in Going
 * further, by factories that add a depth limit, politeness and parsing on threads of its own.
 */
package ai.asyncjava.kit.exercises.ch05;
