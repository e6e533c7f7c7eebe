package nl.ketenzicht.proceedings;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.ketenzicht.reference.EnumCodeLists;

/** The chain's own code lists, for the chain-event form (GET api/reference/codes/STAGE). */
@ApplicationScoped
public class ProceedingsCodeLists implements EnumCodeLists {

    @Override
    public List<EnumCodeList> lists() {
        return List.of(
                EnumCodeList.of("STAGE", "stage", Stage.values()),
                EnumCodeList.of("DECISION", "decision", Decision.values()),
                EnumCodeList.of("VERDICT", "verdict", Verdict.values()));
    }
}
