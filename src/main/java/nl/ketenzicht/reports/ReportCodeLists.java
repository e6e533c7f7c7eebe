package nl.ketenzicht.reports;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.ketenzicht.reference.EnumCodeLists;

/** The reports' own code lists: the victim's age group that measures 4–6 filter on. */
@ApplicationScoped
public class ReportCodeLists implements EnumCodeLists {

    @Override
    public List<EnumCodeList> lists() {
        return List.of(EnumCodeList.of("AGE_GROUP", "report.ageGroup", AgeGroup.values()));
    }
}
