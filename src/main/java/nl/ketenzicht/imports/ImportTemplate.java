package nl.ketenzicht.imports;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The kinds of file a partner imports, each with its own row kinds, required columns and the roles the
 * API gives the same writes: case files and registrations for case workers (their organisation's
 * records), context per year for coordinators and administrators (as {@code PUT /context/...}).
 */
public enum ImportTemplate {
    CASES(
            EnumSet.range(RecordKind.CASE, RecordKind.REFERRAL),
            EnumSet.of(ImportColumn.KIND, ImportColumn.CASE_REF, ImportColumn.REFERENCE),
            EnumSet.of(Role.CASEWORKER),
            "zaken",
            "cases"),
    CONTEXT(
            EnumSet.of(RecordKind.CAPACITY, RecordKind.PRIORITY),
            EnumSet.of(ImportColumn.KIND, ImportColumn.YEAR),
            EnumSet.of(Role.COORDINATOR, Role.ADMIN),
            "context",
            "context"),
    REGISTRATIONS(
            EnumSet.of(RecordKind.REGISTRATION),
            EnumSet.of(ImportColumn.KIND, ImportColumn.REFERENCE),
            EnumSet.of(Role.CASEWORKER),
            "registraties",
            "registrations");

    private final Set<RecordKind> kinds;
    private final Set<ImportColumn> required;
    private final Set<Role> roles;
    private final String dutch;
    private final String english;

    ImportTemplate(Set<RecordKind> kinds, Set<ImportColumn> required, Set<Role> roles, String dutch, String english) {
        this.kinds = kinds;
        this.required = required;
        this.roles = roles;
        this.dutch = dutch;
        this.english = english;
    }

    public Set<RecordKind> kinds() {
        return kinds;
    }

    public Set<ImportColumn> required() {
        return required;
    }

    /** Whether a caller of this role may import (and see the jobs of) this kind of file. */
    public boolean allows(Role role) {
        return roles.contains(role);
    }

    /** The name in the API: cases, context or registrations. */
    public String key() {
        return english;
    }

    /** The name of the downloaded template file and its data sheet. */
    String fileName(String language) {
        return "en".equals(language) ? english : dutch;
    }

    /** Case files group their rows per case; every other kind of file has a unit per row. */
    boolean byCase() {
        return this == CASES;
    }

    /** The template a query parameter names (absent: case files); anything else is 400 naming {@code template}. */
    public static ImportTemplate of(String key) {
        if (key == null || key.isBlank()) {
            return CASES;
        }
        for (ImportTemplate t : values()) {
            if (t.english.equals(key.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw ProblemException.invalid(
                "template",
                MessageCode.VALUE_NOT_ALLOWED,
                Map.of("allowed", "cases, context, registrations"),
                "Choose cases, context or registrations.");
    }

    /** The kinds of row as an error text lists them: the Dutch name and the English one, both accepted. */
    String kindList() {
        return String.join(
                ", ",
                kinds.stream()
                        .map(k -> k.dutch().equals(k.name()) ? k.name() : k.dutch() + "/" + k.name())
                        .toList());
    }
}
