package org.hotline.hotissue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Groups appeals into hot issues one at a time, as they arrive: an appeal joins the issue that is about the
 * same place (they share a specific place name: an estate, a road, a school...), was raised recently enough
 * (its latest appeal lies within the time window) and describes the same problem (the cosine of their
 * place-free character pairs, weighted by how rare each pair is, reaches the threshold); among several such
 * issues it joins the most similar; with none it opens an issue of its own. So the same problem at two places
 * is two issues, two problems at one place are two issues, and a problem raised again after a long quiet
 * spell opens a new issue. An appeal naming no specific place joins only as a near duplicate of an appeal of
 * the same citizen.
 *
 * <p>Joining costs a few index look-ups and one sparse dot product per candidate issue, so attaching an order
 * takes microseconds whatever the number of issues; clustering a history is the same step in time order.
 * A supervisor may move an appeal to another issue or take it out into one of its own; the grouping never
 * moves it back.
 *
 * <p>Not thread-safe by itself: the server holds one instance behind a lock.
 */
public final class HotIssueClustering {

    /** How the grouping decides. */
    public record Settings(Duration window, double threshold, double nearDuplicate) {

        public static Settings defaults() {
            return new Settings(Duration.ofDays(60), 0.15, 0.5);
        }
    }

    /** Where an appeal went, and why. */
    public record Assignment(long issueId, boolean opened, double similarity, String sharedPlace,
            List<Long> absorbed) {
    }

    private static final Pattern ADMIN = Pattern.compile("^(?:[A-Z][0-9]{0,2}[省市区县]|西地省)+");

    private final Settings settings;
    private final Map<Long, Cluster> clusters = new LinkedHashMap<>();
    private final Map<String, Set<Long>> byPlace = new HashMap<>();
    private final Map<String, Set<Long>> byCitizen = new HashMap<>();
    private final Map<Integer, Set<Long>> bySubjectTerm = new HashMap<>();
    private final Map<String, Member> members = new HashMap<>();
    private final Map<Integer, Integer> documentFrequency = new HashMap<>();
    private int documents;
    private long highestId;
    private final LongSupplier ids;

    /** A grouping whose new issues take their ids from {@code ids} (the server: a database sequence). */
    public HotIssueClustering(Settings settings, LongSupplier ids) {
        this.settings = settings;
        this.ids = ids;
    }

    /** A grouping that numbers its issues itself, from {@code firstId} on. */
    public HotIssueClustering(Settings settings, long firstId) {
        this.settings = settings;
        this.highestId = firstId - 1;
        this.ids = () -> ++highestId;
    }

    public HotIssueClustering() {
        this(Settings.defaults(), 1);
    }

    /** Adds a new appeal to the issue it belongs to, opening one if none fits. */
    public Assignment add(Appeal appeal) {
        Member member = member(appeal);
        Best best = best(member);
        if (best.cluster != null) {
            Cluster into = best.cluster;
            // An appeal like two issues at its place bridges them: they were one problem seen from two sides
            // (搅拌站 and 搅拌厂). The larger keeps its id; the other's appeals move over.
            List<Long> absorbed = new ArrayList<>();
            for (Cluster other : best.alsoAlike) {
                if (other.members.size() > into.members.size() && !into.pinned) {
                    Cluster t = into;
                    into = other;
                    other = t;
                }
                if (!other.pinned) {
                    absorb(into, other);
                    absorbed.add(other.id);
                }
            }
            into.add(member);
            index(into, member);
            return new Assignment(into.id, false, best.similarity, best.place, List.copyOf(absorbed));
        }
        Cluster opened = open(member);
        return new Assignment(opened.id, true, 1.0, opened.mainPlace().map(NamedPlace::name).orElse(null), List.of());
    }

    /**
     * Adds an appeal to the given issue, as stored or as a supervisor decided (a manual link). The issue is
     * created when it is not known yet (restoring stored issues).
     */
    public void place(Appeal appeal, long issueId) {
        Member member = members.containsKey(appeal.id()) ? remove(appeal.id()) : member(appeal);
        Cluster cluster = clusters.get(issueId);
        if (cluster == null) {
            cluster = new Cluster(issueId);
            clusters.put(issueId, cluster);
            highestId = Math.max(highestId, issueId);
        }
        cluster.add(member);
        index(cluster, member);
        members.put(appeal.id(), member);
    }

    /** Takes an appeal out of its issue into a new issue of its own (a supervisor's unlink); its new id. */
    public Optional<Long> detach(String appealId) {
        Member member = remove(appealId);
        if (member == null) {
            return Optional.empty();
        }
        members.put(appealId, member);
        Cluster own = open(member);
        own.pinned = true;
        return Optional.of(own.id);
    }

    /** Restores an issue a supervisor made apart: like {@link #place}, and never merged automatically. */
    public void placeApart(Appeal appeal, long issueId) {
        place(appeal, issueId);
        clusters.get(issueId).pinned = true;
    }

    public Optional<Long> issueOf(String appealId) {
        Member m = members.get(appealId);
        return m == null ? Optional.empty() : Optional.of(m.cluster.id);
    }

    public Optional<HotIssue> issue(long id, Instant asOf) {
        Cluster c = clusters.get(id);
        return c == null || c.members.isEmpty() ? Optional.empty() : Optional.of(c.snapshot(asOf));
    }

    /**
     * Every issue raised by at least {@code minCitizens} distinct citizens, hottest first, heat as of the given
     * moment. A hot issue is a problem many citizens raise: one citizen writing again and again is a repeat appeal
     * to merge, not a hot issue, so the top list asks for two.
     */
    public List<HotIssue> issues(Instant asOf, int minCitizens) {
        List<HotIssue> out = new ArrayList<>();
        for (Cluster c : clusters.values()) {
            if (!c.members.isEmpty() && c.citizens() >= Math.max(1, minCitizens)) {
                out.add(c.snapshot(asOf));
            }
        }
        out.sort(Comparator.comparingDouble((HotIssue h) -> h.heat().score()).reversed()
                .thenComparing(HotIssue::first));
        return out;
    }

    public int size() {
        return members.size();
    }

    // ---- the grouping

    private record Best(Cluster cluster, double similarity, String place, List<Cluster> alsoAlike) {
    }

    private void absorb(Cluster into, Cluster from) {
        for (Member m : new ArrayList<>(from.members)) {
            from.remove(m);
            into.add(m);
            index(into, m);
        }
        clusters.remove(from.id);
    }

    private Best best(Member m) {
        Map<Long, String> candidates = new HashMap<>();
        for (var e : m.placeKeys.entrySet()) {
            for (Long id : byPlace.getOrDefault(e.getKey(), Set.of())) {
                candidates.putIfAbsent(id, e.getValue());
            }
        }
        if (candidates.isEmpty()) {
            // No shared place: only a near duplicate may join, found through the rarest pairs of its subject.
            for (int term : m.rareSubjectTerms) {
                for (Long id : bySubjectTerm.getOrDefault(term, Set.of())) {
                    candidates.putIfAbsent(id, null);
                }
            }
        }
        Set<Long> sameCitizen = m.appeal.citizen() == null ? Set.of()
                : byCitizen.getOrDefault(m.appeal.citizen(), Set.of());
        for (Long id : sameCitizen) {
            candidates.putIfAbsent(id, null);
        }
        Cluster best = null;
        double bestSimilarity = 0;
        String bestPlace = null;
        List<Cluster> alike = new ArrayList<>();
        for (var e : candidates.entrySet()) {
            Cluster c = clusters.get(e.getKey());
            if (c == null || !c.withinWindow(m.appeal.at(), settings.window())) {
                continue;
            }
            double similarity = c.similarity(m);
            double needed = e.getValue() != null ? settings.threshold() : settings.nearDuplicate();
            if (similarity >= needed && e.getValue() != null) {
                alike.add(c);
            }
            if (similarity >= needed && similarity > bestSimilarity) {
                best = c;
                bestSimilarity = similarity;
                bestPlace = e.getValue();
            }
        }
        Cluster chosen = best;
        // Only issues about the very same place are bridged: an appeal naming two places must not tie them.
        String place = best == null ? null : best.mainKey();
        alike.removeIf(c -> c == chosen || place == null || !place.equals(c.mainKey()));
        return new Best(best, bestSimilarity, bestPlace, best == null ? List.of() : alike);
    }

    /**
     * The issue an appeal would join now, without adding it: the intake screen asks while the operator types,
     * and nothing typed may change the grouping (the idf counts the appeal as if it were added).
     */
    public Optional<Long> match(Appeal appeal) {
        Best best = best(member(appeal, false));
        return best.cluster == null ? Optional.empty() : Optional.of(best.cluster.id);
    }

    private Member member(Appeal appeal) {
        return member(appeal, true);
    }

    private Member member(Appeal appeal, boolean counted) {
        List<NamedPlace> places = new ArrayList<>(PlaceNames.in(appeal.subject() + "。" + appeal.content()));
        for (NamedPlace p : PlaceNames.in(appeal.address())) {
            if (places.stream().noneMatch(q -> q.key().equals(p.key()))) {
                places.add(p);
            }
        }
        Map<Integer, Integer> counts = ProblemText.bigrams(appeal, places);
        if (counted) {
            documents++;
            for (Integer term : counts.keySet()) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        int docs = documents + (counted ? 0 : 1);
        java.util.function.ToIntFunction<Integer> df = t -> documentFrequency.getOrDefault(t, 0)
                + (counted || !counts.containsKey(t) ? 0 : 1);
        // A unit vector of tf-idf weights, fixed when the appeal arrives (later appeals change the idf a little;
        // the grouping does not look back).
        int[] terms = new int[counts.size()];
        float[] weights = new float[counts.size()];
        double norm = 0;
        int k = 0;
        List<Map.Entry<Integer, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        for (var e : sorted) {
            double idf = Math.log((docs + 1.0) / (df.applyAsInt(e.getKey()) + 1.0)) + 1;
            double w = (1 + Math.log(e.getValue())) * idf;
            terms[k] = e.getKey();
            weights[k] = (float) w;
            norm += w * w;
            k++;
        }
        float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= inv;
        }
        int[] rare = ProblemText.bigrams(new Appeal(appeal.id(), null, appeal.at(), appeal.subject(), "", "", 0, 0), places)
                .keySet().stream().sorted(Comparator.comparingInt(df)
                        .thenComparing(t -> t))
                .limit(3).mapToInt(Integer::intValue).toArray();
        Map<String, String> placeKeys = new HashMap<>();
        for (NamedPlace p : places) {
            if (p.kind().locates()) {
                for (String key : variants(p)) {
                    placeKeys.putIfAbsent(key, p.name());
                }
            }
        }
        Set<String> inSubject = new HashSet<>();
        for (NamedPlace p : PlaceNames.in(appeal.subject())) {
            inSubject.add(p.kind() + ":" + p.key());
        }
        Member member = new Member(appeal, List.copyOf(places), terms, weights, rare, placeKeys, inSubject);
        members.put(appeal.id(), member);
        return member;
    }

    private Cluster open(Member m) {
        Cluster c = new Cluster(ids.getAsLong());
        clusters.put(c.id, c);
        c.add(m);
        index(c, m);
        return c;
    }

    private void index(Cluster c, Member m) {
        for (String key : m.placeKeys.keySet()) {
            byPlace.computeIfAbsent(key, x -> new HashSet<>()).add(c.id);
        }
        for (int term : m.rareSubjectTerms) {
            bySubjectTerm.computeIfAbsent(term, x -> new HashSet<>()).add(c.id);
        }
        if (m.appeal.citizen() != null) {
            byCitizen.computeIfAbsent(m.appeal.citizen(), x -> new HashSet<>()).add(c.id);
        }
    }

    private Member remove(String appealId) {
        Member m = members.remove(appealId);
        if (m != null && m.cluster != null) {
            m.cluster.remove(m);
            if (m.cluster.members.isEmpty()) {
                clusters.remove(m.cluster.id);
            }
            m.cluster = null;
        }
        return m;
    }

    /**
     * The keys a place is found under: its key and the shorter names at its end that still name a place, so
     * that a name read with a word too many on its left ("作为麓泉社区") still meets the plain one ("麓泉社区").
     */
    static Set<String> variants(NamedPlace p) {
        Set<String> keys = new HashSet<>();
        keys.add(p.kind() + ":" + p.key());
        String name = p.name();
        for (int start = 1; start < name.length() - 2; start++) {
            for (NamedPlace q : PlaceNames.in(name.substring(start))) {
                if (q.kind() == p.kind() && name.endsWith(q.name())) {
                    keys.add(q.kind() + ":" + q.key());
                }
            }
        }
        return keys;
    }

    static String withoutAdministrativePrefix(String subject) {
        return ADMIN.matcher(PlaceNames.normalise(subject).strip()).replaceFirst("");
    }

    // ---- state

    private static final class Member {
        final Appeal appeal;
        final List<NamedPlace> places;
        final int[] terms;
        final float[] weights;
        final int[] rareSubjectTerms;
        /** Every key the member's places are found under, with the name it was found as. */
        final Map<String, String> placeKeys;
        /** The keys of the places its subject names: the place an appeal is about is usually in its subject. */
        final Set<String> subjectPlaces;
        Cluster cluster;

        Member(Appeal appeal, List<NamedPlace> places, int[] terms, float[] weights, int[] rareSubjectTerms,
                Map<String, String> placeKeys, Set<String> subjectPlaces) {
            this.rareSubjectTerms = rareSubjectTerms;
            this.placeKeys = placeKeys;
            this.subjectPlaces = subjectPlaces;
            this.appeal = appeal;
            this.places = places;
            this.terms = terms;
            this.weights = weights;
        }
    }

    /** How many of an issue's latest appeals a new appeal is also compared with one by one. */
    private static final int LATEST = 20;

    private static double cosine(Member a, Member b) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < a.terms.length && j < b.terms.length) {
            if (a.terms[i] == b.terms[j]) {
                dot += a.weights[i++] * b.weights[j++];
            } else if (a.terms[i] < b.terms[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    private static final class Cluster {
        final long id;
        final List<Member> members = new ArrayList<>();
        final Map<Integer, Float> centroid = new HashMap<>();
        double centroidNormSquared;
        Instant first;
        Instant last;
        /**
         * The members' places, kept as they join and leave: each place key's weight (3 where a subject names it),
         * the names it was found as, and one place of the key. An issue is asked its main place on every appeal
         * that may join it, and counting over all its members each time made attaching grow with the issue.
         */
        final Map<String, Integer> placeWeights = new HashMap<>();
        final Map<String, Map<String, Integer>> placeNames = new HashMap<>();
        final Map<String, NamedPlace> anyPlace = new HashMap<>();
        /** How many members each named citizen has, and how many are anonymous: kept as members join and leave. */
        final Map<String, Integer> citizenCounts = new HashMap<>();
        int anonymous;
        /** Opened by a supervisor taking an appeal out: never merged into another issue automatically. */
        boolean pinned;

        Cluster(long id) {
            this.id = id;
        }

        void add(Member m) {
            double dot = dot(m);
            centroidNormSquared += 2 * dot + 1;
            for (int i = 0; i < m.terms.length; i++) {
                centroid.merge(m.terms[i], m.weights[i], Float::sum);
            }
            // the members stay in the order of their appeals' times, a later one after the earlier ones at its time:
            // they nearly always join in that order, and the snapshot then needs no sorting
            int at = members.size();
            while (at > 0 && members.get(at - 1).appeal.at().isAfter(m.appeal.at())) {
                at--;
            }
            members.add(at, m);
            m.cluster = this;
            countPlaces(m, 1);
            countCitizen(m, 1);
            first = first == null || m.appeal.at().isBefore(first) ? m.appeal.at() : first;
            last = last == null || m.appeal.at().isAfter(last) ? m.appeal.at() : last;
        }

        void remove(Member m) {
            members.remove(m);
            countPlaces(m, -1);
            countCitizen(m, -1);
            for (int i = 0; i < m.terms.length; i++) {
                centroid.merge(m.terms[i], -m.weights[i], Float::sum);
            }
            centroidNormSquared = centroid.values().stream().mapToDouble(v -> v * v).sum();
            first = members.stream().map(x -> x.appeal.at()).min(Comparator.naturalOrder()).orElse(null);
            last = members.stream().map(x -> x.appeal.at()).max(Comparator.naturalOrder()).orElse(null);
        }

        double dot(Member m) {
            double dot = 0;
            for (int i = 0; i < m.terms.length; i++) {
                Float c = centroid.get(m.terms[i]);
                if (c != null) {
                    dot += c * m.weights[i];
                }
            }
            return dot;
        }

        /**
         * How alike an appeal is to the issue: to its centroid, or to one of its latest appeals if closer (a
         * large issue's centroid is broad, and a new appeal often repeats one particular earlier one).
         */
        double similarity(Member m) {
            double s = centroidNormSquared <= 0 ? 0 : dot(m) / Math.sqrt(centroidNormSquared);
            for (int i = members.size() - 1, seen = 0; i >= 0 && seen < LATEST; i--, seen++) {
                Member other = members.get(i);
                if (other != m) {
                    s = Math.max(s, cosine(m, other));
                }
            }
            return s;
        }

        boolean withinWindow(Instant at, Duration window) {
            return !at.isAfter(last.plus(window)) && !at.isBefore(first.minus(window));
        }

        int citizens() {
            return citizenCounts.size() + anonymous;
        }

        private void countCitizen(Member m, int sign) {
            if (m.appeal.citizen() == null) {
                anonymous += sign;
            } else if (citizenCounts.merge(m.appeal.citizen(), sign, Integer::sum) == 0) {
                citizenCounts.remove(m.appeal.citizen());
            }
        }

        String mainKey() {
            return mainPlace().map(p -> p.kind() + ":" + p.key()).orElse(null);
        }

        private void countPlaces(Member m, int sign) {
            for (NamedPlace p : m.places) {
                if (p.kind().locates()) {
                    String key = p.kind() + ":" + p.key();
                    placeWeights.merge(key, sign * (m.subjectPlaces.contains(key) ? 3 : 1), Integer::sum);
                    Map<String, Integer> names = placeNames.computeIfAbsent(key, x -> new HashMap<>());
                    names.merge(p.name(), sign, Integer::sum);
                    names.values().remove(0);
                    if (sign > 0) {
                        anyPlace.putIfAbsent(key, p);
                    }
                }
            }
            if (sign < 0) {
                placeWeights.values().removeIf(w -> w <= 0);
                placeNames.keySet().retainAll(placeWeights.keySet());
                anyPlace.keySet().retainAll(placeWeights.keySet());
            }
        }

        /**
         * The place most of the issue's appeals name (a place a subject names counts three times), by the name
         * most of them use; among equals the shorter key, then the name shorter, then the first in order.
         */
        Optional<NamedPlace> mainPlace() {
            return placeWeights.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(e -> -e.getKey().length())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(e -> {
                        NamedPlace p = anyPlace.get(e.getKey());
                        String name = placeNames.get(e.getKey()).entrySet().stream()
                                .max(Map.Entry.<String, Integer>comparingByValue()
                                        .thenComparing(n -> -n.getKey().length())
                                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                                .get().getKey();
                        return new NamedPlace(name, p.kind(), p.key());
                    });
        }

        HotIssue snapshot(Instant asOf) {
            Instant first = null;
            Instant last = null;
            int likes = 0;
            int dislikes = 0;
            int recent = 0;
            Member typical = null;
            double typicalSimilarity = -1;
            List<String> ids = new ArrayList<>(members.size());
            for (Member m : members) {
                Appeal a = m.appeal;
                ids.add(a.id());
                first = first == null ? a.at() : first;
                last = a.at();
                likes += a.likes();
                dislikes += a.dislikes();
                if (!a.at().isAfter(asOf) && a.at().isAfter(asOf.minus(Heat.RECENT))) {
                    recent++;
                }
                double s = a.subject().isBlank() ? -0.5 : similarity(m);
                if (s > typicalSimilarity) {
                    typical = m;
                    typicalSimilarity = s;
                }
            }
            Heat heat = Heat.of(members.size(), citizens(), recent, likes, dislikes, first, last);
            Optional<NamedPlace> place = mainPlace();
            String description = typical.appeal.subject().isBlank() ? shorten(typical.appeal.content())
                    : withoutAdministrativePrefix(typical.appeal.subject());
            return new HotIssue(id, place.map(NamedPlace::name).orElse(""), place.map(NamedPlace::kind).orElse(null),
                    description, List.copyOf(ids), first, last, heat);
        }

        private static String shorten(String content) {
            String s = content.strip();
            return s.length() <= 30 ? s : s.substring(0, 30) + "…";
        }
    }
}
