package nl.ketenzicht.synthetic;

import nl.ketenzicht.security.OrganisationType;

/**
 * A partner in a synthetic world. {@code caseShare} is the share of all cases it owns outside the
 * police (police organisations own the rest, by police unit); {@code signals} says whether it can
 * be the partner that gave the signal of a SIGNAL case.
 */
public record SyntheticOrganisation(
        String code, String name, OrganisationType type, String policeUnit, double caseShare, boolean signals) {

    public boolean isPolice() {
        return type == OrganisationType.POLICE;
    }
}
