package nl.ketenzicht.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.parties.Gender;

/**
 * A victim's profile: age (most sexually exploited victims are minors when it starts), gender,
 * nationality, vulnerability markers and recruitment channel, and the estimated number of clients.
 * The aangifte history and care come from {@link AangifteHistory} and {@link CareHistory}.
 */
final class VictimGenerator {

    private static final List<String> NATIONALITIES = List.of("NL", "EU", "NON_EU", "UNKNOWN");
    private static final double[] NATIONALITY_MIX = {68, 12, 15, 5};
    private static final List<String> SEXUAL_CHANNELS = List.of(
            "SNAPCHAT",
            "INSTAGRAM",
            "TIKTOK",
            "DATING_APP",
            "PRO_ANA",
            "GAMING",
            "ESCORT_SITE",
            "MESSAGING",
            "PEER",
            "FAMILY",
            "INSTITUTION",
            "OTHER");
    private static final double[] SEXUAL_CHANNEL_MIX = {18, 14, 8, 10, 3, 4, 8, 12, 12, 5, 4, 2};
    private static final List<String> OTHER_CHANNELS = List.of("PEER", "FAMILY", "MESSAGING", "OTHER");

    private final LocalDate today;
    private final LocalDate opened;
    private final boolean sexual;

    VictimGenerator(LocalDate today, LocalDate opened, boolean sexual) {
        this.today = today;
        this.opened = opened;
        this.sexual = sexual;
    }

    SyntheticVictim victim(Draw d, boolean madeTheAangifte, Instant createdAt) {
        LocalDate start = d.chance(0.9) ? opened.minusDays(Math.min(2190, d.days(240, 0))) : null;
        boolean minor = sexual ? d.chance(0.6) : d.chance(0.1);
        int age = minor ? d.between(12, 17) : d.between(18, sexual ? 35 : 55);
        Integer born = d.chance(0.92) ? (start != null ? start : opened).getYear() - age : null;
        Integer month = born != null && d.chance(0.8) ? d.between(1, 12) : null;
        String nationality = NATIONALITIES.get(d.weighted(NATIONALITY_MIX));
        Set<String> markers = markers(d, minor, nationality);
        String channel = channel(d, markers);
        Integer clients = sexual && d.chance(0.55) ? Math.min(150, d.days(14, 1)) : null;
        Boolean consent = d.chance(0.72) ? Boolean.TRUE : d.chance(0.35) ? Boolean.FALSE : null;
        Gender gender = gender(d);
        var aangifte = new AangifteHistory(today, opened, minor).history(d, madeTheAangifte);
        var care = new CareHistory(today, opened, start, minor, markers);
        return new SyntheticVictim(
                gender,
                born,
                month,
                nationality,
                markers,
                channel,
                start,
                clients,
                consent,
                aangifte,
                care.runaways(d),
                care.referrals(d),
                createdAt);
    }

    private Gender gender(Draw d) {
        double x = d.uniform();
        if (sexual) {
            return x < 0.86 ? Gender.FEMALE : x < 0.96 ? Gender.MALE : x < 0.97 ? Gender.X : Gender.UNKNOWN;
        }
        return x < 0.40 ? Gender.FEMALE : x < 0.97 ? Gender.MALE : Gender.UNKNOWN;
    }

    private Set<String> markers(Draw d, boolean minor, String nationality) {
        Set<String> m = new TreeSet<>();
        if (d.chance(0.18)) m.add("LVB");
        if (d.chance(0.25)) m.add("GGZ");
        if (d.chance(sexual && minor ? 0.08 : 0.02)) m.add("EATING_DISORDER");
        if (d.chance(minor ? 0.30 : 0.05)) m.add("RESIDENTIAL_YOUTH_CARE");
        if (d.chance(minor ? 0.25 : 0.05)) m.add("EARLIER_RUNAWAY");
        if (d.chance(0.08)) m.add("ADDICTION");
        if (d.chance(0.05)) m.add("HOMELESS");
        if (d.chance(minor ? 0.03 : 0.20)) m.add("DEBTS");
        if (d.chance(nationality.equals("NON_EU") ? 0.40 : 0.01)) m.add("UNDOCUMENTED");
        if (d.chance(0.10)) m.add("EARLIER_VICTIM");
        return m;
    }

    /** Pro-ana "coaches" recruit girls with eating disorders: that channel is likelier for them. */
    private String channel(Draw d, Set<String> markers) {
        if (!d.chance(0.75)) {
            return null;
        }
        if (!sexual) {
            return d.pick(OTHER_CHANNELS);
        }
        if (markers.contains("EATING_DISORDER") && d.chance(0.5)) {
            return "PRO_ANA";
        }
        return SEXUAL_CHANNELS.get(d.weighted(SEXUAL_CHANNEL_MIX));
    }
}
