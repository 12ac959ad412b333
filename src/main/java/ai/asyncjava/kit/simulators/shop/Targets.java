package ai.asyncjava.kit.simulators.shop;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading request targets and URLs the way the shop does: one page, one spelling. */
final class Targets {

    private Targets() {
    }

    /** Thrown for a query that cannot be decoded. */
    static final class BadQuery extends Exception {
        BadQuery(String message) {
            super(message, null, false, false);
        }
    }

    /** The path without trailing slashes, except the root's; an empty path is the root. */
    static String trimSlashes(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        int end = rawPath.length();
        while (end > 1 && rawPath.charAt(end - 1) == '/') {
            end--;
        }
        return rawPath.substring(0, end);
    }

    /** True for a tracking parameter: {@code utm_*} or {@code ref}. */
    static boolean tracking(String name) {
        return name.startsWith("utm_") || name.equals("ref");
    }

    /**
     * The query's parameters, strictly decoded (a bad escape or bytes that are not UTF-8 are an
     * error, not a replacement character); the last value of a name wins.
     */
    static Map<String, String> parameters(String rawQuery) throws BadQuery {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.put(name, value);
        }
        return params;
    }

    private static String decode(String raw) throws BadQuery {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new BadQuery("'" + raw + "' has a malformed %-escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadQuery("'" + raw + "' escapes bytes that are not UTF-8");
        }
    }

    /**
     * One spelling per page: no fragment, no {@code utm_*} or {@code ref} parameter (the others
     * stay, in their order), no trailing slash except the root's, an empty path as {@code /}.
     * Opaque URIs ({@code mailto:}) come back unchanged.
     */
    static URI canonical(URI url) {
        if (url.isOpaque() || url.getScheme() == null) {
            return url;
        }
        StringBuilder s = new StringBuilder(url.getScheme().toLowerCase(Locale.ROOT)).append("://");
        if (url.getRawAuthority() != null) {
            s.append(url.getRawAuthority().toLowerCase(Locale.ROOT));
        }
        s.append(trimSlashes(withoutDotSegments(url.getRawPath())));
        String query = url.getRawQuery();
        if (query != null) {
            StringBuilder kept = new StringBuilder();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (!pair.isEmpty() && !tracking(name)) {
                    kept.append(kept.isEmpty() ? "" : "&").append(pair);
                }
            }
            if (!kept.isEmpty()) {
                s.append('?').append(kept);
            }
        }
        return URI.create(s.toString());
    }

    // "/a/./b/../c" -> "/a/c"; "/../x" -> "/x" (RFC 3986, which java.net.URI leaves undone at the root)
    private static String withoutDotSegments(String rawPath) {
        if (rawPath == null || !rawPath.contains(".")) {
            return rawPath;
        }
        String path = URI.create(rawPath).normalize().getRawPath();
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        return path.equals("/..") ? "/" : path;
    }

    /** A robots.txt for every user agent: these path prefixes disallowed, and the crawl delay unless it is zero. */
    static String robotsTxt(Duration crawlDelay, String... disallowed) {
        StringBuilder text = new StringBuilder("User-agent: *\n");
        for (String prefix : disallowed) {
            text.append("Disallow: ").append(prefix).append('\n');
        }
        if (!crawlDelay.isZero()) {
            text.append("Crawl-delay: ").append(seconds(crawlDelay)).append('\n');
        }
        return text.toString();
    }

    /** {@code 0.05}, {@code 2}: seconds as robots.txt writes a crawl delay. */
    private static String seconds(Duration delay) {
        return BigDecimal.valueOf(delay.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    /** {@code $12.99}. */
    static String price(int cents) {
        return String.format(Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
    }
}
