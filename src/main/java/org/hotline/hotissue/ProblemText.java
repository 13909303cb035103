package org.hotline.hotissue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an appeal says about its problem, as counts of Chinese character pairs (bigrams), once the places it
 * names are taken out: two appeals about the noise at two estates should look alike here, and the place decides
 * apart. The subject counts twice, since it is the citizen's or the operator's own summary.
 *
 * <p>Character pairs rather than words: no segmenter or dictionary is needed, and pairs match the short, dense
 * words of complaints (油烟, 噪音, 扰民, 车位) as well as a segmenter would.
 */
final class ProblemText {

    private ProblemText() {
    }

    static Map<Integer, Integer> bigrams(Appeal appeal, List<NamedPlace> places) {
        Map<Integer, Integer> counts = new HashMap<>();
        add(counts, clean(appeal.subject(), places), 2);
        add(counts, clean(appeal.content(), places), 1);
        return counts;
    }

    private static String clean(String text, List<NamedPlace> places) {
        String s = PlaceNames.normalise(text);
        for (NamedPlace p : places) {
            s = s.replace(p.name(), " ");
        }
        return s;
    }

    private static void add(Map<Integer, Integer> counts, String s, int weight) {
        char previous = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean han = c >= '\u4E00' && c <= '\u9FFF';
            if (han && previous != 0) {
                // The pair's code, scrambled by an odd multiplier (a bijection): the plain code hashes badly.
                counts.merge((previous << 16 | c) * 0x9E3779B1, weight, Integer::sum);
            }
            previous = han ? c : 0;
        }
    }
}
