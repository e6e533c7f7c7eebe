package nl.ketenzicht.linkage.mse;

import java.util.ArrayList;
import java.util.List;

/** A two-list interaction (first &lt; second, list indices from 0). */
record Term(int first, int second) {

    Term {
        if (first < 0 || first >= second) {
            throw new IllegalArgumentException("need 0 <= first < second, got " + first + ", " + second);
        }
    }

    int mask() {
        return (1 << first) | (1 << second);
    }

    boolean coveredBy(int history) {
        return (history & mask()) == mask();
    }

    String label(List<String> lists) {
        return lists.get(first) + ":" + lists.get(second);
    }

    /**
     * Parses "A:B" labels against the list names; order and case of the names as in the table. A name
     * may itself hold a colon (a named partner is "org:8", so a term reads "org:8:org:9"): the label is
     * split at the one colon that leaves a list name on both sides.
     */
    static List<Term> parse(List<String> labels, List<String> lists) {
        List<Term> terms = new ArrayList<>();
        for (String label : labels) {
            int a = -1;
            int b = -1;
            int splits = 0;
            for (int at = label.indexOf(':'); at >= 0; at = label.indexOf(':', at + 1)) {
                int left = lists.indexOf(label.substring(0, at));
                int right = lists.indexOf(label.substring(at + 1));
                if (left >= 0 && right >= 0) {
                    a = left;
                    b = right;
                    splits++;
                }
            }
            if (splits != 1 || a == b) {
                throw new IllegalArgumentException(
                        "term '" + label + "' must name two different lists as A:B, lists are " + lists);
            }
            Term term = new Term(Math.min(a, b), Math.max(a, b));
            if (terms.contains(term)) {
                throw new IllegalArgumentException("term '" + label + "' is given twice");
            }
            terms.add(term);
        }
        return terms;
    }

    /** All pairs in SparseMSE's candidate order (1,2),(1,3),…,(2,3),… — it decides ties. */
    static List<Term> allPairs(int lists) {
        List<Term> pairs = new ArrayList<>();
        for (int i = 0; i < lists; i++) {
            for (int j = i + 1; j < lists; j++) {
                pairs.add(new Term(i, j));
            }
        }
        return pairs;
    }
}
