package nl.ketenzicht.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.ketenzicht.cases.CaseCodeLists;
import nl.ketenzicht.parties.PartyCodeLists;
import nl.ketenzicht.proceedings.ProceedingsCodeLists;
import nl.ketenzicht.reports.ReportCodeLists;
import nl.ketenzicht.web.Messages;
import org.junit.jupiter.api.Test;

class EnumCodeListsTest {

    private static final List<EnumCodeLists> FEATURES =
            List.of(new CaseCodeLists(), new PartyCodeLists(), new ProceedingsCodeLists(), new ReportCodeLists());

    @Test
    void aListHasTheEnumsCodesInOrderWithTheBundlesLabels() {
        List<ReferenceViews.Code> origins = new CaseCodeLists()
                .lists().stream()
                        .filter(l -> l.list().equals("ORIGIN"))
                        .findFirst()
                        .orElseThrow()
                        .labelled();
        assertEquals(
                List.of("AANGIFTE", "AMBTSHALVE", "SIGNAL", "DIGITAL", "DECOY"),
                origins.stream().map(ReferenceViews.Code::code).toList());
        ReferenceViews.Code signal = origins.get(2);
        assertEquals("ORIGIN", signal.list());
        assertEquals("Signaal van een ketenpartner", signal.labelNl());
        assertEquals(Messages.of("en").orElseThrow().get("origin.SIGNAL"), signal.labelEn());
    }

    @Test
    void everyCodeOfEveryListHasALabelInBothLanguages() {
        FEATURES.forEach(f -> f.lists()
                .forEach(list -> list.labelled().forEach(c -> {
                    String key = list.labelPrefix() + "." + c.code();
                    assertEquals(Messages.of("nl").orElseThrow().get(key), c.labelNl(), key);
                    assertEquals(Messages.of("en").orElseThrow().get(key), c.labelEn(), key);
                    assertEquals(true, c.labelNl() != null && c.labelEn() != null, key + " has no label");
                })));
    }

    @Test
    void noTwoFeaturesNameTheSameList() {
        List<String> names = FEATURES.stream()
                .flatMap(f -> f.lists().stream())
                .map(EnumCodeLists.EnumCodeList::list)
                .toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
    }
}
