package nl.ketenzicht.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Runaway episodes (mostly of minors from youth care; some not found yet) and care referrals (some
 * still waiting, and the wait grows over the years as specialist youth care comes under pressure).
 */
final class CareHistory {

    private static final List<String> CARE_TYPES = List.of(
            "SPECIALIST_YOUTH_CARE",
            "CLOSED_YOUTH_CARE",
            "SHELTER",
            "TRAUMA_THERAPY",
            "AMBULATORY",
            "GGZ",
            "FOSTER_CARE",
            "OTHER");
    private static final double[] CARE_MIX = {25, 10, 15, 20, 15, 8, 4, 3};
    private static final List<String> HOMES =
            List.of("PARENTAL_HOME", "FOSTER_FAMILY", "SHELTER", "GGZ_CLINIC", "OTHER");

    private final LocalDate today;
    private final LocalDate opened;
    private final LocalDate exploitationStart;
    private final boolean minor;
    private final Set<String> markers;

    CareHistory(LocalDate today, LocalDate opened, LocalDate exploitationStart, boolean minor, Set<String> markers) {
        this.today = today;
        this.opened = opened;
        this.exploitationStart = exploitationStart;
        this.minor = minor;
        this.markers = markers;
    }

    List<SyntheticVictim.Runaway> runaways(Draw d) {
        boolean inCare = markers.contains("RESIDENTIAL_YOUTH_CARE");
        boolean prone = minor || inCare || markers.contains("EARLIER_RUNAWAY");
        int n = prone ? d.count(0.55, 0.30, 0.10, 0.05) : d.count(0.95, 0.05);
        LocalDate from = exploitationStart != null ? exploitationStart : opened.minusDays(365);
        LocalDate to = min(opened.plusDays(365), today);
        List<SyntheticVictim.Runaway> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate missing = d.plusDays(from, 0, (int) Math.max(0, to.toEpochDay() - from.toEpochDay()));
            LocalDate reported = d.chance(0.85) ? notAfterToday(missing.plusDays(d.days(1.5, 0))) : null;
            LocalDate found = d.chance(0.97) ? notAfterToday(missing.plusDays(d.days(12, 0))) : null;
            Boolean victimised = found == null ? null : d.chance(0.35);
            String from_ = inCare ? (d.chance(0.4) ? "CLOSED_YOUTH_CARE" : "OPEN_YOUTH_CARE") : d.pick(HOMES);
            list.add(new SyntheticVictim.Runaway(from_, missing, reported, found, victimised));
        }
        list.sort(Comparator.comparing(SyntheticVictim.Runaway::missingSince));
        return list;
    }

    List<SyntheticVictim.Referral> referrals(Draw d) {
        int n = d.count(0.35, 0.50, 0.12, 0.03);
        List<SyntheticVictim.Referral> list = new ArrayList<>();
        LocalDate on = opened;
        for (int i = 0; i < n; i++) {
            on = on.plusDays(d.days(45, 0));
            if (on.isAfter(today)) {
                break;
            }
            double meanWait = 30 + 6 * Math.max(0, on.getYear() - 2015);
            LocalDate started = notAfterToday(on.plusDays(d.days(meanWait, 0)));
            LocalDate ended =
                    started != null && d.chance(0.6) ? notAfterToday(started.plusDays(d.between(60, 720))) : null;
            list.add(new SyntheticVictim.Referral(CARE_TYPES.get(d.weighted(CARE_MIX)), on, started, ended));
        }
        return list;
    }

    /** A date after today has not happened yet: not found, not started, not ended. */
    private LocalDate notAfterToday(LocalDate date) {
        return date.isAfter(today) ? null : date;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }
}
