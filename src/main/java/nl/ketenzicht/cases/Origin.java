package nl.ketenzicht.cases;

/** How a case started (herkomst): the measure of how much prosecution depends on victims' reports. */
public enum Origin {
    AANGIFTE,
    AMBTSHALVE,
    SIGNAL,
    DIGITAL,
    DECOY
}
