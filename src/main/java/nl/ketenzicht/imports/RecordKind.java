package nl.ketenzicht.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * What one row of a case file holds. Rows of one case form a unit and are applied in this order, so
 * that a party exists before its links, chain steps and care records, whatever order the partner's
 * system wrote.
 */
public enum RecordKind {
    CASE("ZAAK"),
    VICTIM("SLACHTOFFER"),
    SUSPECT("VERDACHTE"),
    CLIENT("KLANT"),
    AANGIFTE("AANGIFTE"),
    CHAIN_EVENT("KETENSTAP"),
    RUNAWAY("WEGLOOP"),
    REFERRAL("ZORGVERWIJZING");

    private final String dutch;

    RecordKind(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }

    /** The Dutch name or the English one, in any case; empty for anything else. */
    public static Optional<RecordKind> parse(String value) {
        String v = value == null
                ? ""
                : value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (RecordKind k : values()) {
            if (k.dutch.equals(v) || k.name().equals(v)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Parties share one namespace of references within a case; a step or aangifte event names its own. */
    String referenceType() {
        return switch (this) {
            case CASE -> "CASE";
            case VICTIM, SUSPECT, CLIENT -> "PARTY";
            case AANGIFTE -> "AANGIFTE";
            case CHAIN_EVENT -> "CHAIN_EVENT";
            case RUNAWAY -> "RUNAWAY";
            case REFERRAL -> "REFERRAL";
        };
    }
}
