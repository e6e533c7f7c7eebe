package nl.ketenzicht.synthetic;

import nl.ketenzicht.proceedings.Decision;

/**
 * How far suspects and clients get in the chain once it has run its course. The products give the
 * national shares: suspects OM inflow 70%, summons 50%, conviction 40%, custody 20%; clients OM
 * inflow 20%, summons 8%, conviction 5.6%, custody 0.6%. Recent cases are cut off at "today" and so
 * are less far along.
 */
record ChainRates(
        double inflow,
        double[] decisionMix,
        double conviction,
        double acquittal,
        double custody,
        double appeal,
        int maxCustodyDays) {

    /** In the order of {@link Decision#values()}: SUMMONS, SEPOT_TECHNICAL, SEPOT_POLICY, PENALTY_ORDER, TRANSACTION, JOINDER. */
    static final ChainRates SUSPECT = new ChainRates(
            0.70, new double[] {50.0 / 70, 0.09, 0.07, 0.06, 0.035, 0.0307}, 0.80, 0.15, 0.50, 0.25, 2400);

    static final ChainRates CLIENT =
            new ChainRates(0.20, new double[] {0.40, 0.10, 0.12, 0.25, 0.10, 0.03}, 0.70, 0.25, 0.6 / 5.6, 0.10, 240);

    Decision decision(Draw d) {
        return Decision.values()[d.weighted(decisionMix)];
    }
}
