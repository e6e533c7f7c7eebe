package nl.ketenzicht.parties;

/** Whether a recherchepsycholoog advised on the hearing, and when. */
public enum PsychologistAdvice {
    NONE,
    BEFORE,
    DURING,
    BEFORE_AND_DURING
}
