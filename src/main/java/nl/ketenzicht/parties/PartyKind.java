package nl.ketenzicht.parties;

/** Betrokkene: slachtoffer, verdachte, klant. */
public enum PartyKind {
    VICTIM,
    SUSPECT,
    CLIENT
}
