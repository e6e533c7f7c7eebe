package nl.ketenzicht.parties;

import java.time.LocalDate;
import java.util.Set;

/** The descriptive fields of a victim after validation. */
public record VictimProfile(
        Gender gender,
        Integer birthYear,
        Integer birthMonth,
        String nationality,
        Set<String> vulnerabilities,
        String recruitmentChannel,
        LocalDate exploitationStartedOn,
        Integer estimatedClientCount,
        Boolean consentToShare) {}
