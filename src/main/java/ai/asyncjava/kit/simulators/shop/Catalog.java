package ai.asyncjava.kit.simulators.shop;

import ai.asyncjava.kit.simulators.StableHash;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shop's generated contents, decided by {@code (seed, pages)} alone: its products, their
 * categories and brands, which products link to which, which have a reviews page, and which
 * pages are broken or slow. Sized so the shop host has exactly {@code pages} reachable pages:
 * {@value #FIXED_PAGES} fixed pages, the listing pages, the products and the review pages.
 */
final class Catalog {

    /** Products on one listing page. */
    static final int PER_LISTING = 9;
    /** Home, about, contact, cart, login, sale, weekly offers, specials. */
    static final int FIXED_PAGES = 8;

    static final List<String> CATEGORIES = List.of("kitchen", "garden", "stationery", "outdoors");
    static final List<String> BRANDS = List.of("alder", "birchwood", "cobalt", "dunmore", "elmstead",
            "fairhaven", "greystone", "hollis");

    private static final List<List<String>> NOUNS = List.of(
            List.of("Kettle", "Teapot", "Chef's Knife", "Cutting Board", "Mixing Bowl", "Coffee Grinder", "Saucepan"),
            List.of("Trowel", "Watering Can", "Planter", "Pruning Shears", "Seed Tray", "Hose Reel", "Bird Feeder"),
            List.of("Notebook", "Fountain Pen", "Desk Lamp", "Pencil Case", "Sketchbook", "Letter Tray", "Ink Set"),
            List.of("Tent", "Lantern", "Water Bottle", "Backpack", "Camp Stove", "Hammock", "Sleeping Mat"));
    private static final List<String> ADJECTIVES = List.of("Classic", "Compact", "Deluxe", "Everyday", "Handmade",
            "Sturdy", "Vintage", "Modern", "Rustic", "Premium", "Folding", "Travel");

    final long seed;
    final int pages;
    final int categories;
    final int products;
    final int reviewPages;
    private final int[] categoryOf;      // by product id (index 0 unused)
    private final int[] brandOf;
    private final int[][] productsInCategory;
    private final int[][] productsOfBrand;
    private final boolean[] hasReviews;
    private final boolean[] slow;
    private final int[][] related;
    final int discontinued;
    final int failingReviews;

    Catalog(long seed, int pages) {
        this.seed = seed;
        this.pages = pages;
        this.categories = pages < 500 ? 3 : 4;
        // Grow the product list while there is room for about one reviews page per six products.
        List<Integer> categoryList = new ArrayList<>();
        int[] counts = new int[categories];
        int[] block = null;
        int n = 0;
        while (true) {
            int next = n + 1;
            if ((next - 1) % categories == 0) {
                // Each run of `categories` products gets every category once, in a seeded order.
                block = shuffled(categories, new SplittableRandom(StableHash.combine(seed, (next - 1) / categories)));
            }
            int category = block[(next - 1) % categories] - 1;
            counts[category]++;
            if (pagesWithoutReviews(next, counts) + reviewShare(next) > pages) {
                counts[category]--;
                break;
            }
            categoryList.add(category);
            n = next;
        }
        this.products = n;
        this.reviewPages = pages - pagesWithoutReviews(n, counts);
        if (n < 6 || reviewPages < 2 || reviewPages > n - 1) {
            throw new IllegalArgumentException("cannot lay out a shop of " + pages + " pages");
        }
        categoryOf = new int[n + 1];
        brandOf = new int[n + 1];
        for (int id = 1; id <= n; id++) {
            categoryOf[id] = categoryList.get(id - 1);
            brandOf[id] = (int) Math.floorMod(StableHash.combine(seed, 31L * id + 7), (long) BRANDS.size());
        }
        productsInCategory = group(categoryOf, categories);
        productsOfBrand = group(brandOf, BRANDS.size());

        // One shuffle picks the broken product, the review pages (the first of them fails) and the slow pages.
        int[] order = shuffled(n, new SplittableRandom(StableHash.combine(seed, 0x5110fL)));
        discontinued = order[0];
        hasReviews = new boolean[n + 1];
        for (int i = 1; i <= reviewPages; i++) {
            hasReviews[order[i]] = true;
        }
        failingReviews = order[1];
        slow = new boolean[n + 1];
        int slowCount = Math.max(3, n / 50);
        for (int i = 0; i < slowCount; i++) {
            slow[order[n - 1 - i]] = true; // from the other end: never the broken one
        }
        related = new int[n + 1][];
        for (int id = 1; id <= n; id++) {
            related[id] = pickRelated(id);
        }
    }

    /** Fixed pages, listing pages and product pages, for {@code n} products spread as {@code counts}. */
    private static int pagesWithoutReviews(int n, int[] counts) {
        int listings = ceilDiv(n, PER_LISTING);
        for (int count : counts) {
            listings += ceilDiv(count, PER_LISTING);
        }
        return FIXED_PAGES + listings + n;
    }

    private static int reviewShare(int n) {
        return Math.max(2, ceilDiv(n, 6));
    }

    // 1..n in a seeded order
    private static int[] shuffled(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i + 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private int[][] group(int[] keyOf, int keys) {
        List<List<Integer>> groups = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            groups.add(new ArrayList<>());
        }
        for (int id = 1; id < keyOf.length; id++) {
            groups.get(keyOf[id]).add(id);
        }
        return groups.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    // 2 or 3 other products, never the discontinued one (it is linked from its listing only)
    private int[] pickRelated(int id) {
        SplittableRandom random = new SplittableRandom(StableHash.combine(seed, 1_000_003L * id));
        int want = 2 + random.nextInt(2);
        int[] picked = new int[want];
        int count = 0;
        while (count < want) {
            int other = 1 + random.nextInt(products);
            boolean fresh = other != id && other != discontinued;
            for (int i = 0; i < count && fresh; i++) {
                fresh = picked[i] != other;
            }
            if (fresh) {
                picked[count++] = other;
            }
        }
        return picked;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Listing pages of all products. */
    int listingPages() {
        return ceilDiv(products, PER_LISTING);
    }

    /** Listing pages of one category. */
    int listingPages(int category) {
        return ceilDiv(productsInCategory[category].length, PER_LISTING);
    }

    /** The products on one listing page, {@code category} -1 for all products; page from 1. */
    int[] listing(int category, int page) {
        int from = (page - 1) * PER_LISTING;
        if (category < 0) {
            int to = Math.min(products, from + PER_LISTING);
            int[] ids = new int[to - from];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = from + i + 1;
            }
            return ids;
        }
        int[] all = productsInCategory[category];
        return java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + PER_LISTING));
    }

    int categoryOfProduct(int id) {
        return categoryOf[id];
    }

    int brandOfProduct(int id) {
        return brandOf[id];
    }

    int[] productsOfBrand(int brand) {
        return productsOfBrand[brand];
    }

    int[] related(int id) {
        return related[id];
    }

    boolean hasReviewsPage(int id) {
        return hasReviews[id];
    }

    boolean slow(int id) {
        return slow[id];
    }

    /** Index of a category's slug, or -1. */
    int category(String slug) {
        int i = CATEGORIES.indexOf(slug);
        return i < categories ? i : -1;
    }

    static String categorySlug(int category) {
        return CATEGORIES.get(category);
    }

    static String categoryName(int category) {
        String slug = CATEGORIES.get(category);
        return Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    }

    static String brandName(int brand) {
        String slug = BRANDS.get(brand);
        return Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    }

    /** A product's random source: the same draws every time it is rendered. */
    SplittableRandom productRandom(int id) {
        return new SplittableRandom(StableHash.combine(seed, 7_919L * id + 1));
    }

    String productName(int id) {
        SplittableRandom random = productRandom(id);
        List<String> nouns = NOUNS.get(categoryOf[id]);
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + nouns.get(random.nextInt(nouns.size()));
    }

    /** Price in cents. */
    int priceCents(int id) {
        return 499 + (int) Math.floorMod(StableHash.combine(seed, 101L * id), 19_500L);
    }
}
