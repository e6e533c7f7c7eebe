package nl.ketenzicht.imports;

import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.Params;

/**
 * One problem of one row: the partner's column (null: the row as a whole), the message code with its
 * parameters (rendered in the user's language from the bundles), the rule name when a rule of the
 * domain refused the row, and the English message for logs and clients that know no code.
 */
public record RowProblem(
        int row, ImportColumn column, String code, String rule, Map<String, Object> params, String message) {

    public RowProblem {
        params = params == null ? Map.of() : Params.copy(params);
    }

    static RowProblem of(int row, ImportColumn column, MessageCode code, Map<String, ?> params, String message) {
        return new RowProblem(
                row, column, code.code(), code.isRule() ? code.code() : null, Params.copy(params), message);
    }
}
