package nl.ketenzicht.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Who owns a case and who can have signalled it. Partners own their {@code caseShare}; the police
 * organisation of the case's unit owns the rest (any police organisation if the unit has none).
 */
final class Owners {

    private final List<SyntheticOrganisation> organisations;
    private final List<Integer> partners = new ArrayList<>();
    private final double[] partnerShares;
    private final double partnerTotal;
    private final List<Integer> police = new ArrayList<>();
    private final List<Integer> signallers = new ArrayList<>();

    Owners(List<SyntheticOrganisation> organisations) {
        this.organisations = organisations;
        for (int i = 0; i < organisations.size(); i++) {
            SyntheticOrganisation o = organisations.get(i);
            if (o.caseShare() > 0) partners.add(i);
            if (o.isPolice()) police.add(i);
            if (o.signals()) signallers.add(i);
        }
        partnerShares = partners.stream()
                .mapToDouble(i -> organisations.get(i).caseShare())
                .toArray();
        double total = 0;
        for (double s : partnerShares) total += s;
        partnerTotal = police.isEmpty() ? 1 : total;
    }

    int owner(Draw d, String policeUnit) {
        if (!partners.isEmpty() && d.chance(partnerTotal)) {
            return partners.get(d.weighted(partnerShares));
        }
        for (int i : police) {
            if (policeUnit.equals(organisations.get(i).policeUnit())) {
                return i;
            }
        }
        return police.get(Math.floorMod(policeUnit.hashCode(), police.size()));
    }

    /** A partner other than the owner, or null when the world has none. */
    Integer signaller(Draw d, int owner) {
        List<Integer> others = signallers.stream().filter(i -> i != owner).toList();
        return others.isEmpty() ? null : d.pick(others);
    }
}
