package ai.asyncjava.kit.simulators.shop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The shop host's pages: listings (all products and per category, paginated), product pages,
 * review pages, a few fixed pages, a redirect, and the links between them, spelt in every way a
 * crawler meets (relative, root-relative, absolute, with a fragment, tracking parameters or a
 * trailing slash, and the links it must skip).
 */
final class ShopPages implements Site {

    static final String NAME = "Hollow Oak Goods";

    private static final List<String> REVIEWERS = List.of("Ana", "Bram", "Chidi", "Dora", "Eitan", "Fatima",
            "Goran", "Hana", "Ines", "Jonas", "Kiri", "Lena");
    private static final List<String> VERDICTS = List.of(
            "Does exactly what it says, and does it well.",
            "Solid build; the finish could be better.",
            "Arrived quickly and works as described.",
            "Good value for the price.",
            "Smaller than I expected, but handy.",
            "I bought a second one as a gift.",
            "Not bad, not great. It does the job.",
            "Would buy again without a second thought.");
    private static final List<String> USES = List.of("daily use", "small spaces", "long weekends",
            "beginners and experts alike", "gifts", "years of service");

    private final Catalog catalog;
    private final String base;
    private final String partnerBase;

    ShopPages(Catalog catalog, String baseUrl, String partnerBaseUrl) {
        this.catalog = catalog;
        this.base = baseUrl;
        this.partnerBase = partnerBaseUrl;
    }

    Catalog catalog() {
        return catalog;
    }

    // ---- routing ----

    @Override
    public Route route(String rawPath, String rawQuery) {
        String path = Targets.trimSlashes(rawPath);
        Map<String, String> query;
        try {
            query = Targets.parameters(rawQuery);
        } catch (Targets.BadQuery e) {
            return new Route.Bad(e.getMessage());
        }
        return switch (path) {
            case "/robots.txt" -> new Route.Robots();
            case "/" -> found(Page.of("/", Kind.HOME));
            case "/products" -> listing(query);
            case "/about" -> found(Page.of("/about", Kind.ABOUT));
            case "/contact" -> found(Page.of("/contact", Kind.CONTACT));
            case "/cart" -> found(Page.of("/cart", Kind.CART));
            case "/account/login" -> found(Page.of("/account/login", Kind.LOGIN));
            case "/sale" -> found(new Page("/sale", Kind.SALE, 0, -1, 301, false));
            case "/offers/weekly" -> found(Page.of("/offers/weekly", Kind.WEEKLY));
            case "/offers/specials" -> found(Page.of("/offers/specials", Kind.SPECIALS));
            default -> path.startsWith("/product/") ? product(path.substring("/product/".length())) : unknown();
        };
    }

    private static Route found(Page page) {
        return new Route.Found(page);
    }

    private static Route unknown() {
        return new Route.Unknown();
    }

    private Route listing(Map<String, String> query) {
        int category = -1;
        String slug = query.get("category");
        if (slug != null) {
            category = catalog.category(slug);
            if (category < 0) {
                return unknown();
            }
        }
        int page = 1;
        String number = query.get("page");
        if (number != null) {
            try {
                page = Integer.parseInt(number.strip());
            } catch (NumberFormatException e) {
                return new Route.Bad("page '" + number + "' is not a whole number");
            }
        }
        int pages = category < 0 ? catalog.listingPages() : catalog.listingPages(category);
        if (page < 1 || page > pages) {
            return unknown();
        }
        return found(new Page(listingTarget(category, page), Kind.LISTING, page, category, 200, false));
    }

    private Route product(String rest) {
        int slash = rest.indexOf('/');
        String digits = slash < 0 ? rest : rest.substring(0, slash);
        String sub = slash < 0 ? null : rest.substring(slash + 1);
        if (!isProductNumber(digits)) {
            return unknown();
        }
        int id = Integer.parseInt(digits);
        if (id > catalog.products) {
            return unknown();
        }
        if (sub == null) {
            int status = id == catalog.discontinued ? 404 : 200;
            return found(new Page("/product/" + id, Kind.PRODUCT, id, -1, status, catalog.slow(id)));
        }
        if (sub.equals("reviews") && catalog.hasReviewsPage(id)) {
            int status = id == catalog.failingReviews ? 500 : 200;
            return found(new Page("/product/" + id + "/reviews", Kind.REVIEWS, id, -1, status, false));
        }
        return unknown();
    }

    // 1 to 999999999 with no leading zero: one spelling per product
    private static boolean isProductNumber(String digits) {
        if (digits.isEmpty() || digits.length() > 9 || digits.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static String listingTarget(int category, int page) {
        String target = category < 0 ? "/products" : "/products?category=" + Catalog.categorySlug(category);
        if (page > 1) {
            target += (category < 0 ? "?" : "&") + "page=" + page;
        }
        return target;
    }

    // ---- pages ----

    @Override
    public Rendered render(Page page) {
        if (page.status() == 404) {
            return discontinued(page);
        }
        if (page.status() == 500) {
            return error(500, "Something went wrong", "We could not load these reviews. Please try again later.");
        }
        String location = page.kind() == Kind.SALE ? base + "/offers/weekly" : null;
        Html html = switch (page.kind()) {
            case HOME -> home();
            case LISTING -> listing(page);
            case PRODUCT -> product(page.number());
            case REVIEWS -> reviews(page.number());
            case ABOUT -> about();
            case CONTACT -> contact();
            case CART -> cart();
            case LOGIN -> login();
            case SALE -> new Html().head("Moved | " + NAME, null).raw("<main>\n<p>This page has moved to ")
                    .a(location, "this week's offers").raw(".</p>\n</main>\n").end();
            case WEEKLY -> weekly();
            case SPECIALS -> specials();
            default -> throw new IllegalStateException("not a shop page: " + page);
        };
        return new Rendered(page.status(), location, html.html(), html.hrefs());
    }

    @Override
    public Html openPage(String title, String target) {
        Html html = new Html().head(title + " | " + NAME, target == null ? null : base + target);
        html.raw("<header>\n");
        html.a(base + "/", "logo", NAME);
        html.raw("\n<nav>\n");
        html.a("/", "Home").raw(" ");
        html.a("/products", "Products").raw(" ");
        html.a("/sale", "Sale").raw(" ");
        html.a("/about", "About").raw(" ");
        html.a("/contact", "Contact").raw(" ");
        html.a("/account/login", "Sign in").raw(" ");
        html.a("/cart", "Cart (0)").raw("\n</nav>\n</header>\n<main>\n");
        return html;
    }

    private static Html close(Html html) {
        return html.raw("</main>\n").end();
    }

    private Html home() {
        Html html = openPage("Home", "/");
        html.element("h1", "Welcome to " + NAME);
        html.element("p", "Useful things for the kitchen, the garden, the desk and the trail.");
        html.raw("<section class=\"featured\">\n<h2>Featured</h2>\n<ul>\n");
        for (int id : featured(4, 11)) {
            html.item("/product/" + id + "?ref=home", catalog.productName(id));
        }
        html.raw("</ul>\n</section>\n<p>");
        html.a("/products", "Browse all products").raw(" · ").a("/sale", "This week's sale").raw("</p>\n");
        categories(html);
        return close(html);
    }

    private Html listing(Page page) {
        int category = page.category();
        int number = page.number();
        int pages = category < 0 ? catalog.listingPages() : catalog.listingPages(category);
        String heading = category < 0 ? "All products" : Catalog.categoryName(category);
        Html html = openPage(heading + (number > 1 ? " (page " + number + ")" : ""), page.target());
        html.element("h1", heading);
        html.element("p class=\"page-count\"", "Page " + number + " of " + pages);
        categories(html);
        html.raw("<ul class=\"products\">\n");
        for (int id : catalog.listing(category, number)) {
            html.raw("<li class=\"product\">");
            html.a("product/" + id, "thumb", "View");
            html.raw(" ");
            html.a("/product/" + id + "?utm_source=listing&utm_medium=web", catalog.productName(id));
            html.raw(" <span class=\"price\">").text(Targets.price(catalog.priceCents(id))).raw("</span> ");
            html.a("/product/" + id + "#reviews", "reviews");
            html.raw("</li>\n");
        }
        html.raw("</ul>\n");
        pagination(html, category, number, pages);
        return close(html);
    }

    // Previous and next, then numbers: the first, the last, two either side, and ten either side.
    private static void pagination(Html html, int category, int number, int pages) {
        html.raw("<nav class=\"pagination\">\n");
        if (number > 1) {
            html.a(listingTarget(category, number - 1), "prev", "Previous").raw("\n");
        }
        if (number < pages) {
            html.a(listingTarget(category, number + 1), "next", "Next").raw("\n");
        }
        java.util.TreeSet<Integer> shown = new java.util.TreeSet<>(java.util.List.of(1, pages,
                number - 10, number - 2, number - 1, number, number + 1, number + 2, number + 10));
        for (int k : shown) {
            if (k < 1 || k > pages) {
                continue;
            }
            if (k == number) {
                html.raw("<span class=\"current\">" + k + "</span>\n");
            } else {
                html.a(listingTarget(category, k), Integer.toString(k)).raw("\n");
            }
        }
        html.raw("</nav>\n");
    }

    private void categories(Html html) {
        html.raw("<aside class=\"categories\">\n<h2>Categories</h2>\n<ul>\n");
        for (int c = 0; c < catalog.categories; c++) {
            html.item(listingTarget(c, 1), Catalog.categoryName(c));
        }
        html.raw("</ul>\n</aside>\n");
    }

    private Html product(int id) {
        SplittableRandom random = catalog.productRandom(id);
        String name = catalog.productName(id);
        int category = catalog.categoryOfProduct(id);
        int brand = catalog.brandOfProduct(id);
        Html html = openPage(name, "/product/" + id);
        html.raw("<article class=\"product\">\n");
        html.element("h1", name);
        html.raw("<p class=\"brand\">by ").a(partnerBase + "/brand/" + Catalog.BRANDS.get(brand),
                Catalog.brandName(brand)).raw("</p>\n");
        html.element("p class=\"price\"", Targets.price(catalog.priceCents(id)));
        html.element("p class=\"description\"", "A " + name.toLowerCase(java.util.Locale.ROOT) + " by "
                + Catalog.brandName(brand) + ", made for " + USES.get(random.nextInt(USES.size())) + ". Item no. "
                + (10_000 + id) + ".");
        html.raw("<p>In ").a(listingTarget(category, 1), Catalog.categoryName(category)).raw("</p>\n");
        html.a("javascript:void(0)", "add-to-cart", "Add to cart").raw("\n");
        html.raw("<section id=\"reviews\">\n<h2>Reviews</h2>\n");
        reviewList(html, random, 2 + random.nextInt(2));
        if (catalog.hasReviewsPage(id)) {
            html.raw("<p>").a("/product/" + id + "/reviews", "All reviews").raw("</p>\n");
        }
        html.raw("</section>\n<section class=\"related\">\n<h2>You may also like</h2>\n<ul>\n");
        int[] related = catalog.related(id);
        for (int i = 0; i < related.length; i++) {
            int other = related[i];
            String href = switch ((id + i) % 4) {
                case 0 -> "./" + other;
                case 1 -> "../product/" + other;
                case 2 -> base + "/product/" + other;
                default -> "/product/" + other + "/";
            };
            html.item(href, catalog.productName(other));
        }
        html.raw("</ul>\n</section>\n</article>\n");
        return close(html);
    }

    private void reviewList(Html html, SplittableRandom random, int count) {
        for (int i = 0; i < count; i++) {
            int stars = 2 + random.nextInt(4);
            html.raw("<div class=\"review\">");
            html.element("p class=\"rating\"", "★".repeat(stars) + "☆".repeat(5 - stars));
            html.element("p", VERDICTS.get(random.nextInt(VERDICTS.size())) + " — "
                    + REVIEWERS.get(random.nextInt(REVIEWERS.size())));
            html.raw("</div>\n");
        }
    }

    private Html reviews(int id) {
        String name = catalog.productName(id);
        Html html = openPage("Reviews of " + name, "/product/" + id + "/reviews");
        html.element("h1", "Reviews of " + name);
        reviewList(html, new SplittableRandom(catalog.productRandom(id).nextLong()), 6);
        html.raw("<p>").a("../" + id, "Back to the product").raw("</p>\n");
        return close(html);
    }

    private Html about() {
        Html html = openPage("About us", "/about");
        html.element("h1", "About " + NAME);
        html.element("p", "A small shop of well-made things from independent makers.");
        html.raw("<p>").a(partnerBase + "/", "Meet our makers").raw(" · ").a("/contact", "Get in touch").raw("</p>\n");
        return close(html);
    }

    private Html contact() {
        Html html = openPage("Contact", "/contact");
        html.element("h1", "Contact us");
        html.raw("<ul>\n");
        html.item("mailto:help@hollow-oak.example", "help@hollow-oak.example");
        html.item("tel:+15550100", "+1 555 0100");
        html.raw("</ul>\n<p>").a("/about", "About us").raw("</p>\n");
        return close(html);
    }

    private Html cart() {
        Html html = openPage("Your cart", "/cart");
        html.element("h1", "Your cart");
        html.raw("<p>Your cart is empty. ").a("/products", "Keep shopping").raw("</p>\n");
        return close(html);
    }

    private Html login() {
        Html html = openPage("Sign in", "/account/login");
        html.element("h1", "Sign in");
        html.raw("<form method=\"post\" action=\"/account/login\">\n<label>Email <input name=\"email\" type=\"email\"></label>\n"
                + "<label>Password <input name=\"password\" type=\"password\"></label>\n<button>Sign in</button>\n</form>\n");
        return close(html);
    }

    // /offers/weekly holds the relative link "specials": right only when resolved against the page redirected to
    private Html weekly() {
        return offers("This week's offers", "/offers/weekly", 23, ": 10% off", "specials");
    }

    private Html specials() {
        return offers("Specials", "/offers/specials", 37, ": 2 for 1", null);
    }

    private Html offers(String title, String target, long salt, String deal, String moreHref) {
        Html html = openPage(title, target);
        html.element("h1", title);
        html.raw("<ul>\n");
        for (int id : featured(3, salt)) {
            html.item("/product/" + id, catalog.productName(id) + deal);
        }
        html.raw("</ul>\n");
        if (moreHref != null) {
            html.raw("<p>Looking for more? See ").a(moreHref, "our specials").raw(".</p>\n");
            // The weekly offers are where /sale redirects to: no link back to itself (see Html).
            return html.raw("</main>\n").endWithoutSelfLink();
        }
        return close(html);
    }

    // `count` distinct products picked by `salt`, never the discontinued one
    private int[] featured(int count, long salt) {
        SplittableRandom random = new SplittableRandom(catalog.seed * 1_000_033L + salt);
        int[] ids = new int[count];
        int found = 0;
        while (found < count) {
            int id = 1 + random.nextInt(catalog.products);
            boolean fresh = id != catalog.discontinued;
            for (int i = 0; i < found && fresh; i++) {
                fresh = ids[i] != id;
            }
            if (fresh) {
                ids[found++] = id;
            }
        }
        return ids;
    }

    private Rendered discontinued(Page page) {
        Html html = openPage("Product not found", page.target());
        html.element("h1", "This product is no longer available");
        html.raw("<p>").a("/products", "See what else we have").raw("</p>\n");
        close(html);
        return new Rendered(404, null, html.html(), html.hrefs());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String robotsTxt(Duration crawlDelay) {
        return Targets.robotsTxt(crawlDelay, "/cart", "/account/");
    }
}
