package nl.ketenzicht.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * What one row of an import file holds. Rows of one case form a unit and are applied in this order, so
 * that a party exists before its links, chain steps and care records, whatever order the partner's
 * system wrote. The context and registration kinds stand alone: each row is a unit of its own.
 */
public enum RecordKind {
    CASE("ZAAK"),
    VICTIM("SLACHTOFFER"),
    SUSPECT("VERDACHTE"),
    CLIENT("KLANT"),
    AANGIFTE("AANGIFTE"),
    CHAIN_EVENT("KETENSTAP"),
    RUNAWAY("WEGLOOP"),
    REFERRAL("ZORGVERWIJZING"),
    CAPACITY("CAPACITEIT"),
    PRIORITY("PRIORITEIT"),
    REGISTRATION("REGISTRATIE");

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

    /** A row of a case: it names its case and its own reference, and stands with the case's other rows. */
    boolean caseBound() {
        return ImportTemplate.CASES.kinds().contains(this);
    }

    /** A row that carries the partner's own reference: a case file's rows and registrations. */
    boolean referenced() {
        return caseBound() || this == REGISTRATION;
    }

    /**
     * Parties share one namespace of references within a case; a step or aangifte event names its own; a
     * registration's reference is unique in the organisation; context rows are keyed by their unit and year.
     */
    String referenceType() {
        return switch (this) {
            case CASE -> "CASE";
            case VICTIM, SUSPECT, CLIENT -> "PARTY";
            case AANGIFTE -> "AANGIFTE";
            case CHAIN_EVENT -> "CHAIN_EVENT";
            case RUNAWAY -> "RUNAWAY";
            case REFERRAL -> "REFERRAL";
            case REGISTRATION -> "REGISTRATION";
            case CAPACITY, PRIORITY -> name();
        };
    }
}
