package nl.ketenzicht.security;

/** Kinds of partner; the dark-number estimate can use a kind as one list. */
public enum OrganisationType {
    POLICE,
    OM,
    CARE,
    YOUTH_CARE,
    NATIONAL,
    KMAR,
    INSPECTORATE,
    OTHER
}
