package nl.ketenzicht.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.ketenzicht.reference.EnumCodeLists;

/** The case's own code lists, for the case form, the case list's filters and the reports' filters (GET api/reference/codes/ORIGIN). */
@ApplicationScoped
public class CaseCodeLists implements EnumCodeLists {

    @Override
    public List<EnumCodeList> lists() {
        return List.of(
                EnumCodeList.of("ORIGIN", "origin", Origin.values()),
                EnumCodeList.of("TEAM_TYPE", "teamType", TeamType.values()),
                EnumCodeList.of("CASE_STATUS", "status", CaseStatus.values()));
    }
}
