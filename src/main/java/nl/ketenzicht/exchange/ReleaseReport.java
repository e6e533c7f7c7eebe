package nl.ketenzicht.exchange;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the open release's k-anonymity did: how far each quasi-identifier was generalised, how much was withheld. */
@Schema(
        description =
                "The report of an open release: its k, quasi-identifiers with their generalisation, and records withheld.")
public record ReleaseReport(
        int fromYear,
        int toYear,

        @Schema(description = "Every combination of quasi-identifiers released holds at least k records.")
        int k,

        @Schema(description = "The largest share of records withheld before the plan generalises further.")
        double maxWithheldShare,

        @Schema(description = "Victims in the cases of the period.")
        long records,

        @Schema(description = "Victims in the release.") long released,

        @Schema(description = "Victims withheld: their combination stayed below k.")
        long withheld,

        @Schema(description = "Combinations of quasi-identifiers released.")
        int classes,

        @Schema(description = "Records in the smallest released combination (at least k).")
        long smallestClass,

        List<QuasiIdentifier> quasiIdentifiers,

        @Schema(description = "The columns after the quasi-identifiers: coarse attributes, no free text.")
        List<String> attributes) {

    /** A quasi-identifier and the level of its hierarchy the release uses (0: as listed in the README, highest: "*"). */
    public record QuasiIdentifier(
            @Schema(example = "ageGroup") String name, int level, int highestLevel) {}

    static ReleaseReport of(KAnonymity.Plan plan, int fromYear, int toYear) {
        List<QuasiIdentifier> qis = new ArrayList<>();
        for (int i = 0; i < OpenRelease.QUASI_IDENTIFIERS.size(); i++) {
            KAnonymity.Hierarchy h = OpenRelease.QUASI_IDENTIFIERS.get(i);
            qis.add(new QuasiIdentifier(h.name(), plan.levels()[i], h.top()));
        }
        return new ReleaseReport(
                fromYear,
                toYear,
                OpenRelease.K,
                OpenRelease.MAX_WITHHELD,
                plan.records(),
                plan.released(),
                plan.withheld(),
                plan.classes(),
                plan.smallestClass(),
                qis,
                OpenRelease.COLUMNS.subList(OpenRelease.QUASI_IDENTIFIERS.size(), OpenRelease.COLUMNS.size()));
    }
}
