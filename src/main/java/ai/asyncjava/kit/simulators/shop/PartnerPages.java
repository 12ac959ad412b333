package ai.asyncjava.kit.simulators.shop;

import java.time.Duration;

/**
 * The partner host: the makers' site the shop links to. Brand pages link to other brand pages
 * and back to the shop's products (absolute links); {@code /private/} is off limits in its
 * robots.txt. None of it is in the shop's reachable set: it is another host.
 */
final class PartnerPages implements Site {

    static final String NAME = "The Makers' Guild";

    private final Catalog catalog;
    private final String base;
    private final String shopBase;

    PartnerPages(Catalog catalog, String partnerBaseUrl, String shopBaseUrl) {
        this.catalog = catalog;
        this.base = partnerBaseUrl;
        this.shopBase = shopBaseUrl;
    }

    @Override
    public Route route(String rawPath, String rawQuery) {
        String path = Targets.trimSlashes(rawPath);
        try {
            Targets.parameters(rawQuery); // only to refuse a malformed one, like the shop does
        } catch (Targets.BadQuery e) {
            return new Route.Bad(e.getMessage());
        }
        if (path.equals("/robots.txt")) {
            return new Route.Robots();
        }
        if (path.equals("/")) {
            return new Route.Found(Page.of("/", Kind.BRANDS));
        }
        if (path.equals("/private/wholesale")) {
            return new Route.Found(Page.of("/private/wholesale", Kind.PRIVATE));
        }
        if (path.startsWith("/brand/")) {
            int brand = Catalog.BRANDS.indexOf(path.substring("/brand/".length()));
            if (brand >= 0) {
                return new Route.Found(new Page(path, Kind.BRAND, brand, -1, 200, false));
            }
        }
        return new Route.Unknown();
    }

    @Override
    public Rendered render(Page page) {
        Html html = openPage(page.kind() == Kind.BRAND ? Catalog.brandName(page.number()) : "Our makers", page.target());
        switch (page.kind()) {
            case BRANDS -> {
                html.element("h1", "Our makers");
                html.raw("<ul>\n");
                for (int b = 0; b < Catalog.BRANDS.size(); b++) {
                    html.item("/brand/" + Catalog.BRANDS.get(b), Catalog.brandName(b));
                }
                html.raw("</ul>\n");
            }
            case BRAND -> brand(html, page.number());
            case PRIVATE -> {
                html.element("h1", "Wholesale price list");
                html.element("p", "For trade partners only.");
            }
            default -> throw new IllegalStateException("not a partner page: " + page);
        }
        html.raw("</main>\n").end();
        return new Rendered(200, null, html.html(), html.hrefs());
    }

    private void brand(Html html, int brand) {
        html.element("h1", Catalog.brandName(brand));
        html.element("p", Catalog.brandName(brand) + " has made things by hand since " + (1950 + 7 * brand) + ".");
        html.raw("<h2>Other makers</h2>\n<ul>\n");
        int others = 2 + brand % 2;
        for (int i = 1; i <= others; i++) {
            int other = (brand + 3 * i) % Catalog.BRANDS.size();
            html.item("/brand/" + Catalog.BRANDS.get(other), Catalog.brandName(other));
        }
        html.raw("</ul>\n").element("h2", "Find them at " + ShopPages.NAME).raw("<ul>\n");
        int[] products = catalog.productsOfBrand(brand);
        for (int i = 0; i < Math.min(3, products.length); i++) {
            html.item(shopBase + "/product/" + products[i], catalog.productName(products[i]));
        }
        html.raw("</ul>\n<p>").a("/private/wholesale", "Trade prices").raw("</p>\n");
    }

    @Override
    public Html openPage(String title, String target) {
        Html html = new Html().head(title + " | " + NAME, target == null ? null : base + target);
        html.raw("<header>\n<nav>\n");
        html.a("/", "Makers").raw(" ");
        html.a(shopBase + "/products", "Shop at " + ShopPages.NAME).raw("\n</nav>\n</header>\n<main>\n");
        return html;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String robotsTxt(Duration crawlDelay) {
        return Targets.robotsTxt(crawlDelay, "/private/");
    }
}
