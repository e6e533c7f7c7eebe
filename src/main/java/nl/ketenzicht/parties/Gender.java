package nl.ketenzicht.parties;

public enum Gender {
    FEMALE,
    MALE,
    X,
    UNKNOWN
}
