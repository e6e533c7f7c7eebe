package nl.ketenzicht.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.ketenzicht.security.OrganisationType;

/**
 * What to generate: how many cases, opened in which years, as seen on which day ("today": nothing
 * in the world happens after it), with which yearly growth, owned by which organisations.
 */
public record Spec(
        int cases,
        int fromYear,
        int toYear,
        LocalDate today,
        double growth,
        List<SyntheticOrganisation> organisations,
        String createdBy) {

    public Spec {
        Objects.requireNonNull(today, "today is required");
        if (cases < 0 || fromYear > toYear || toYear > today.getYear()) {
            throw new IllegalArgumentException("need cases ≥ 0 and fromYear ≤ toYear ≤ the year of today");
        }
        organisations = List.copyOf(organisations);
        if (organisations.stream().noneMatch(o -> o.isPolice() || o.caseShare() > 0)) {
            throw new IllegalArgumentException("some organisation must own cases");
        }
    }

    /** Cases owned by a police organisation per unit and a few partners, as in the national set-up. */
    public static Spec national(int cases, int fromYear, int toYear, LocalDate today) {
        return new Spec(cases, fromYear, toYear, today, 0.04, nationalOrganisations("SYN"), "synthetic");
    }

    /** The demo's few organisations; the police team owns most cases, the care partner some. */
    public static Spec demo(int cases, int fromYear, LocalDate today) {
        return new Spec(cases, fromYear, today.getYear(), today, 0.04, demoOrganisations(), "demo");
    }

    public Spec withCases(int n) {
        return new Spec(n, fromYear, toYear, today, growth, organisations, createdBy);
    }

    public Spec withOrganisations(List<SyntheticOrganisation> orgs) {
        return new Spec(cases, fromYear, toYear, today, growth, orgs, createdBy);
    }

    public static List<SyntheticOrganisation> nationalOrganisations(String prefix) {
        List<SyntheticOrganisation> list = new ArrayList<>();
        for (String unit : List.of("NN", "ON", "MN", "NH", "AMS", "DH", "RDM", "ZWB", "OB", "LB")) {
            list.add(new SyntheticOrganisation(
                    prefix + "-POL-" + unit,
                    "Politie eenheid " + unit + ", AVIM",
                    OrganisationType.POLICE,
                    unit,
                    0,
                    false));
        }
        list.add(new SyntheticOrganisation(prefix + "-OM-LP", "Landelijk Parket", OrganisationType.OM, null, 0, false));
        list.add(new SyntheticOrganisation(prefix + "-FIER", "Fier", OrganisationType.CARE, null, 0.06, true));
        list.add(new SyntheticOrganisation(
                prefix + "-CKM", "Centrum Kinderhandel Mensenhandel", OrganisationType.CARE, null, 0.04, true));
        list.add(new SyntheticOrganisation(
                prefix + "-JZ", "Jeugdzorginstelling", OrganisationType.YOUTH_CARE, null, 0.02, true));
        list.add(new SyntheticOrganisation(prefix + "-COMENSHA", "CoMensha", OrganisationType.NATIONAL, null, 0, true));
        list.add(new SyntheticOrganisation(
                prefix + "-KMAR", "Koninklijke Marechaussee", OrganisationType.KMAR, null, 0.02, true));
        list.add(new SyntheticOrganisation(
                prefix + "-NLA", "Nederlandse Arbeidsinspectie", OrganisationType.INSPECTORATE, null, 0.02, true));
        return list;
    }

    public static List<SyntheticOrganisation> demoOrganisations() {
        return List.of(
                new SyntheticOrganisation(
                        "DEMO-POLITIE",
                        "Politie Amsterdam, team Mensenhandel (demo)",
                        OrganisationType.POLICE,
                        "AMS",
                        0,
                        false),
                new SyntheticOrganisation(
                        "DEMO-OM", "Arrondissementsparket Amsterdam (demo)", OrganisationType.OM, null, 0, false),
                new SyntheticOrganisation(
                        "DEMO-ZORG", "Zorgpartner Fier (demo)", OrganisationType.CARE, null, 0.2, true),
                new SyntheticOrganisation("DEMO-COMENSHA", "CoMensha (demo)", OrganisationType.NATIONAL, null, 0, true),
                new SyntheticOrganisation(
                        "DEMO-KMAR", "Koninklijke Marechaussee (demo)", OrganisationType.KMAR, null, 0.03, true),
                new SyntheticOrganisation(
                        "DEMO-PROGRAMMA",
                        "Programma Samen tegen Mensenhandel (demo)",
                        OrganisationType.NATIONAL,
                        null,
                        0,
                        false));
    }
}
