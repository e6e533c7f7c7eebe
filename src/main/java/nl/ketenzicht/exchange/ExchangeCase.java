package nl.ketenzicht.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * One case with what the exchange formats read of it: no free text, no names, no partner references.
 * {@code id} is the database id, used only to order and key; no output carries it. {@code cellKey} is the
 * secret key of the case's report_funnel row (reports/aggregates/CellKeys), so that a table of the exchange
 * that counts the same persons as a report page publishes the same figure.
 */
public record ExchangeCase(
        long id,
        LocalDate openedOn,
        String status,
        LocalDate closedOn,
        String closingReason,
        String origin,
        boolean signalled,
        String policeUnit,
        List<String> forms,
        long cellKey,
        List<Person> persons) {

    /** A victim, suspect or client of the case, with their chain steps, charges and care referrals. */
    public record Person(
            long id,
            String kind,
            String gender,
            Integer birthYear,
            Integer birthMonth,
            String nationality,
            String recruitmentChannel,
            LocalDate exploitationStartedOn,
            Boolean consentToShare,
            String aangifteStatus,
            String roleCode,
            List<Step> steps,
            List<Charge> charges,
            List<Referral> referrals,
            boolean linkedOffenderConvicted) {

        public boolean victim() {
            return "VICTIM".equals(kind);
        }

        /** The first step of the stage, if any. */
        public Step first(String stage) {
            return steps.stream()
                    .filter(s -> s.stage().equals(stage))
                    .findFirst()
                    .orElse(null);
        }

        /** Age in whole years on the day, with the birth date mid-month (1 July without month), as reports count it. */
        public Integer ageOn(LocalDate day) {
            return age(birthYear, birthMonth, day);
        }
    }

    /** Age in whole years on the day, with the birth date mid-month (1 July without month); null when unknown. */
    static Integer age(Integer birthYear, Integer birthMonth, LocalDate day) {
        if (birthYear == null || day == null) {
            return null;
        }
        LocalDate birth = birthMonth == null ? LocalDate.of(birthYear, 7, 1) : LocalDate.of(birthYear, birthMonth, 15);
        return day.isBefore(birth) ? null : java.time.Period.between(birth, day).getYears();
    }

    /** A chain step (ordered by date, then id). */
    public record Step(String stage, LocalDate on, String decision, String verdict) {}

    /** A charge: Criminal Code article and law version (SR before the Wet seksuele misdrijven, WSM after). */
    public record Charge(String article, String lawVersion) {}

    /** A care referral of a victim. */
    public record Referral(String careType, LocalDate referredOn, LocalDate startedOn, LocalDate endedOn) {}
}
