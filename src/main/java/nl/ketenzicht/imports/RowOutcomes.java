package nl.ketenzicht.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Puts what a service refused onto the partner's row and columns: each field error on the column
 * that fills its field, a refusal of the whole request (scope, a missing record) on the column that
 * names the record. A column that already failed to parse keeps its own problem only.
 */
final class RowOutcomes {

    private RowOutcomes() {}

    static List<RowProblem> problemsOf(ProblemException e, RowRequests.Parsed p, List<RowProblem> already) {
        ImportRow row = p.row();
        Set<ImportColumn> failed = already.stream()
                .map(RowProblem::column)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        List<RowProblem> problems = new ArrayList<>();
        if (e.errors().isEmpty()) {
            problems.add(
                    new RowProblem(row.number(), anchor(p), e.code().code(), e.rule(), e.params(), e.getMessage()));
            return problems;
        }
        for (Problem.FieldError f : e.errors()) {
            ImportColumn column = ImportColumn.ofField(row.kind(), f.field()).orElse(anchor(p));
            if (!failed.contains(column)) {
                problems.add(new RowProblem(row.number(), column, f.code(), e.rule(), f.params(), f.message()));
            }
        }
        return problems;
    }

    /** The column naming the record the row is about: the case (or its Ketenzicht id), the party,
     * the police unit or municipality, or the row's reference. */
    private static ImportColumn anchor(RowRequests.Parsed p) {
        return switch (p.row().kind()) {
            case CASE -> p.caseId() != null ? ImportColumn.CASE_ID : ImportColumn.CASE_REF;
            case AANGIFTE, CHAIN_EVENT, RUNAWAY, REFERRAL -> ImportColumn.PARTY_REF;
            case CAPACITY -> ImportColumn.POLICE_UNIT;
            case PRIORITY -> ImportColumn.MUNICIPALITY;
            case REGISTRATION -> p.row().caseRef() != null ? ImportColumn.CASE_REF : ImportColumn.REFERENCE;
            default -> ImportColumn.CASE_REF;
        };
    }
}
