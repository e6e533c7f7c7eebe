package nl.ketenzicht.proceedings;

/** First-instance verdict: conviction, acquittal (vrijspraak), discharge (ontslag van alle rechtsvervolging). */
public enum Verdict {
    CONVICTION,
    ACQUITTAL,
    DISCHARGE
}
