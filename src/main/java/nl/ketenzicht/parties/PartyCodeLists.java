package nl.ketenzicht.parties;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.ketenzicht.reference.EnumCodeLists;

/** The parties' own code lists, for their forms (GET api/reference/codes/GENDER). */
@ApplicationScoped
public class PartyCodeLists implements EnumCodeLists {

    @Override
    public List<EnumCodeList> lists() {
        return List.of(
                EnumCodeList.of("GENDER", "gender", Gender.values()),
                EnumCodeList.of("PSYCHOLOGIST_ADVICE", "psychologist", PsychologistAdvice.values()));
    }
}
