package org.hotline.dispatch.internal.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline.dispatch.PlaceMatch;
import org.hotline.dispatch.PlaceMatcher;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.WorkOrderService;
import org.springframework.stereotype.Component;

/**
 * Open orders about the same problem at the same place as a new call (相似在办工单): the repeat appeals an operator
 * attaches a call to, or a dispatcher merges, instead of sending a second unit out for one matter.
 *
 * <p>The same place: the gazetteer finds a place in both (the same community, road or village), or at least the
 * same territorial unit, or, where it knows neither, their addresses share most of their characters. The same
 * problem: their texts share many character pairs (bigrams, the unit of Chinese text that survives word
 * splitting and paraphrase best at this length), or the dispatch advice puts both in one category. Both must
 * hold; the score weighs them 60/40.
 *
 * <p>Bounded: only orders that can still take a merge (registered, dispatched, in progress or under return
 * review) and were registered in the last {@link #WINDOW} are read, at most {@link #CANDIDATES} by place words
 * and as many by category, newest first, through the status index. A call comes at most every few seconds per
 * operator; a few hundred rows scored in memory cost a few milliseconds.
 */
@Component
class SimilarOpenOrders {

    /** How many the screen lists. */
    static final int SHOWN = 5;
    /** How far back a matter is still the same one: repeat calls come within days; open orders rarely last longer. */
    static final Duration WINDOW = Duration.ofDays(60);
    /** The most candidates read per query. */
    static final int CANDIDATES = 100;
    /**
     * Below these the two are not about the same problem, or not at the same place: the texts must share some
     * words even when the advice puts both in one category (two matters of one category at one place are often
     * two matters), and more when it does not.
     */
    static final double MIN_PROBLEM = 0.3;
    static final double MIN_TEXT = 0.1;
    static final double MIN_ADDRESS = 0.5;

    /** The statuses in which an order can still be a master (see WorkOrder#acceptsMerge). */
    private static final Set<OrderStatus> OPEN = EnumSet.of(OrderStatus.REGISTERED, OrderStatus.DISPATCHED,
            OrderStatus.IN_PROGRESS, OrderStatus.RETURN_REQUESTED);

    /**
     * What every caller says ("市民来电反映…希望相关部门尽快处理"): sharing it says nothing about the matter. These
     * phrases split the text like punctuation does, and the pairs below are dropped wherever they stand.
     */
    private static final List<String> BOILERPLATE = List.of("市民来电反映", "来电人反映", "来电反映", "市民反映",
            "希望相关部门", "希望有关部门", "请相关部门", "请有关部门", "相关部门", "有关部门", "尽快处理", "尽快解决",
            "予以处理", "予以解决", "帮忙解决", "给予解决", "希望", "要求", "反映");
    private static final Set<String> COMMON = Set.of("市民", "来电", "我们", "现在", "一直", "已经", "没有", "情况",
            "问题", "严重", "影响", "附近", "这个", "一个", "居民", "小区", "处理", "解决");

    /** One similar order, with why: the place it shares and how alike the texts are. */
    record Similar(OrderSummary order, double score, double text, boolean sameCategory, String place,
            String categoryName) {

        public String percent() {
            return AdviceCards.percent(score);
        }

        public String textPercent() {
            return AdviceCards.percent(text);
        }
    }

    private final WorkOrderService orders;
    private final AddressIndex addresses;
    private final Categories categories;
    private final Clock clock;

    SimilarOpenOrders(WorkOrderService orders, AddressIndex addresses, Categories categories, Clock clock) {
        this.orders = orders;
        this.addresses = addresses;
        this.categories = categories;
        this.clock = clock;
    }

    /**
     * The open orders most like a call with {@code content} at {@code address}, best first, at most
     * {@link #SHOWN}. {@code category}: the category the dispatch advice gives the call (null when it has none);
     * {@code except}: the order itself, when it is stored already.
     */
    List<Similar> find(String content, String address, String category, OrderNumber except, Actor actor) {
        Set<String> words = bigrams(content);
        if (words.size() < 2) {
            return List.of();
        }
        PlaceMatcher matcher = addresses.matcher();
        Optional<PlaceMatch> place = matcher.match(address, content == null ? "" : content);
        Instant from = clock.instant().minus(WINDOW);
        Map<OrderNumber, OrderSummary> candidates = new LinkedHashMap<>();
        place.ifPresent(p -> read(candidates, from, null, p.matchedText(), actor));
        if (category != null) {
            read(candidates, from, category, null, actor);
        }
        if (place.isEmpty() && category == null) {
            read(candidates, from, null, null, actor);
        }
        if (except != null) {
            candidates.remove(except);
        }
        Set<String> addressWords = bigrams(address);
        List<Similar> similar = new ArrayList<>();
        for (OrderSummary o : candidates.values()) {
            double text = dice(words, bigrams(o.content()));
            boolean sameCategory = category != null && o.categoryCode() != null
                    && (o.categoryCode().equals(category) || o.categoryCode().startsWith(category + ".")
                            || category.startsWith(o.categoryCode() + "."));
            double problem = Math.min(1, text + (sameCategory ? 0.3 : 0));
            if (text < MIN_TEXT || problem < MIN_PROBLEM) {
                continue;
            }
            Optional<PlaceMatch> theirs = matcher.match(o.address(), o.content());
            double where = 0;
            String why = null;
            if (place.isPresent() && theirs.isPresent()) {
                if (place.get().place().id().equals(theirs.get().place().id())) {
                    where = 1;
                    why = place.get().place().name();
                } else if (place.get().unit() != null && place.get().unit().equals(theirs.get().unit())) {
                    where = 0.5;
                    why = theirs.get().place().name();
                }
            }
            if (where == 0) {
                double addressText = dice(addressWords, bigrams(o.address()));
                if (addressText >= MIN_ADDRESS) {
                    where = 0.7;
                    why = o.address();
                }
            }
            if (where == 0) {
                continue;
            }
            similar.add(new Similar(o, 0.6 * problem + 0.4 * where, text, sameCategory, why,
                    sameCategory ? categories.find(o.categoryCode()).map(Category::name).orElse(null) : null));
        }
        similar.sort(Comparator.comparingDouble(Similar::score).reversed()
                .thenComparing(s -> s.order().registeredAt(), Comparator.reverseOrder()));
        return similar.size() > SHOWN ? List.copyOf(similar.subList(0, SHOWN)) : List.copyOf(similar);
    }

    private void read(Map<OrderNumber, OrderSummary> into, Instant from, String category, String keyword,
            Actor actor) {
        OrderQuery query = new OrderQuery(OPEN, null, category, null, null, from, null, null, keyword, null, 0,
                CANDIDATES);
        orders.search(query, actor).items().forEach(o -> into.putIfAbsent(o.number(), o));
    }

    /**
     * The distinct character pairs of the letters and digits of {@code text}, taken within the runs between
     * punctuation and the phrases every caller says, without the pairs every caller says.
     */
    static Set<String> bigrams(String text) {
        Set<String> pairs = new HashSet<>();
        if (text == null) {
            return pairs;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : BOILERPLATE) {
            lower = lower.replace(phrase, " ");
        }
        int[] points = lower.codePoints().toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            if (Character.isLetterOrDigit(points[i]) && Character.isLetterOrDigit(points[i + 1])) {
                String pair = new String(points, i, 2);
                if (!COMMON.contains(pair)) {
                    pairs.add(pair);
                }
            }
        }
        return pairs;
    }

    /** How much two sets of pairs share: 2|A∩B| / (|A|+|B|), 0 when either is empty. */
    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        int shared = 0;
        for (String s : smaller) {
            if (larger.contains(s)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }
}
