package ai.asyncjava.kit.simulators.shop;

import java.net.URI;

/**
 * One row of a {@link ShopLog}: one HTTP request to the shop or the partner host. Times are ms
 * since the log began (or was last cleared); a time that has not happened yet is {@code NaN}.
 *
 * @param id                the request's number in arrival order, from 1
 * @param host              the host it was sent to, {@code 127.0.0.1:PORT}: the shop's or the partner's
 * @param target            the path and query as sent, e.g. {@code /product/3/?utm_source=listing}
 * @param page              the canonical absolute URL of the page the target names, whatever its
 *                          spelling; {@code null} for robots.txt, an unknown path or a bad request
 * @param userAgent         the {@code User-Agent} header, {@code ""} when none was sent
 * @param arrivalMs         when it arrived (the quota is enforced at this instant)
 * @param endMs             when the answer was sent; {@code NaN} while in flight
 * @param status            the HTTP status sent; 0 while in flight, 499 when the client went away first
 * @param inFlightAtArrival how many other requests, to either host, were in flight when it arrived
 * @param connection        the client's port on its side of the connection: requests with equal
 *                          values (on one host) came over one connection
 * @param newConnection     whether it was the first request over that connection since the last reset
 */
public record ShopRequest(int id, String host, String target, URI page, String userAgent, double arrivalMs,
                          double endMs, int status, int inFlightAtArrival, long connection, boolean newConnection) {

    /** True for a request for {@code /robots.txt}. */
    public boolean robots() {
        return target.equals("/robots.txt") || target.startsWith("/robots.txt?");
    }

    /** True while no answer has been sent. */
    public boolean inFlight() {
        return Double.isNaN(endMs);
    }

    /** Arrival to end, in ms; {@code NaN} while in flight. */
    public double durationMs() {
        return endMs - arrivalMs;
    }
}
