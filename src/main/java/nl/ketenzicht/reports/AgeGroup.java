package nl.ketenzicht.reports;

import java.time.LocalDate;
import java.time.Period;

/**
 * The whitelisted victim age groups of the reports. The age is the victim's age when the
 * exploitation began (the age when exploitation began), or, where that date is not
 * recorded, at the opening of the case; birth dates are taken mid-month, or 1 July without a
 * month, as {@link nl.ketenzicht.parties.Victim#ageOn} does. Without a birth year: UNKNOWN.
 */
public enum AgeGroup {
    UNDER_12,
    AGE_12_15,
    AGE_16_17,
    ADULT,
    UNKNOWN;

    public static AgeGroup of(
            Integer birthYear, Integer birthMonth, LocalDate exploitationStartedOn, LocalDate caseOpenedOn) {
        LocalDate on = exploitationStartedOn != null ? exploitationStartedOn : caseOpenedOn;
        if (birthYear == null || on == null) {
            return UNKNOWN;
        }
        LocalDate birth = birthMonth == null ? LocalDate.of(birthYear, 7, 1) : LocalDate.of(birthYear, birthMonth, 15);
        if (on.isBefore(birth)) {
            return UNKNOWN;
        }
        int age = Period.between(birth, on).getYears();
        return age < 12 ? UNDER_12 : age < 16 ? AGE_12_15 : age < 18 ? AGE_16_17 : ADULT;
    }
}
