package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermTest {

    @Test
    void namedPartnersWithAColonInTheirCodeComeBackAsTheyWereGiven() {
        List<String> lists = List.of("org:8", "org:9", "CARE");
        List<Term> terms = Term.parse(List.of("org:8:org:9", "CARE:org:8"), lists);
        assertEquals(List.of(new Term(0, 1), new Term(0, 2)), terms);
        assertEquals(
                List.of("org:8:org:9", "org:8:CARE"),
                terms.stream().map(t -> t.label(lists)).toList(),
                "a label the estimate returns parses to the same term");
        for (Term t : terms) {
            assertEquals(List.of(t), Term.parse(List.of(t.label(lists)), lists));
        }
    }

    @Test
    void aLabelThatNamesNoTwoListsIsRefused() {
        List<String> lists = List.of("POLICE", "CARE");
        assertThrows(IllegalArgumentException.class, () -> Term.parse(List.of("POLICE"), lists));
        assertThrows(IllegalArgumentException.class, () -> Term.parse(List.of("POLICE:POLICE"), lists));
        assertThrows(IllegalArgumentException.class, () -> Term.parse(List.of("POLICE:NGO"), lists));
        assertEquals(List.of(new Term(0, 1)), Term.parse(List.of("CARE:POLICE"), lists));
    }
}
