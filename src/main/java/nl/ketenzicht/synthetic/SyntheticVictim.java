package nl.ketenzicht.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.ketenzicht.parties.AangifteEvent;
import nl.ketenzicht.parties.AangifteStatus;
import nl.ketenzicht.parties.Gender;
import nl.ketenzicht.parties.PsychologistAdvice;

/** A victim with her aangifte history, runaway episodes and care referrals, all in date order. */
public record SyntheticVictim(
        Gender gender,
        Integer birthYear,
        Integer birthMonth,
        String nationality,
        Set<String> vulnerabilities,
        String recruitmentChannel,
        LocalDate exploitationStartedOn,
        Integer estimatedClientCount,
        Boolean consentToShare,
        List<Aangifte> aangifte,
        List<Runaway> runaways,
        List<Referral> referrals,
        Instant createdAt) {

    public AangifteStatus aangifteStatus() {
        return aangifte.isEmpty()
                ? AangifteStatus.NONE
                : AangifteStatus.valueOf(
                        aangifte.get(aangifte.size() - 1).type().name());
    }

    public boolean madeAangifte() {
        return aangifte.stream().anyMatch(a -> a.type() == AangifteEvent.Type.AANGIFTE_MADE);
    }

    public record Aangifte(
            AangifteEvent.Type type,
            LocalDate on,
            Set<String> reasons,
            boolean traumaStudio,
            PsychologistAdvice psychologistAdvised) {}

    /** Not found yet while {@code foundOn} is null. */
    public record Runaway(
            String institutionType,
            LocalDate missingSince,
            LocalDate reportedOn,
            LocalDate foundOn,
            Boolean victimisedDuring) {}

    /** Still waiting while {@code startedOn} is null. */
    public record Referral(String careType, LocalDate referredOn, LocalDate startedOn, LocalDate endedOn) {}
}
