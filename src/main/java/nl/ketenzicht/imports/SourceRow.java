package nl.ketenzicht.imports;

import java.util.List;

/** One row as the file holds it: its number as a spreadsheet shows it (the header is row 1) and its cells as text. */
public record SourceRow(int number, List<String> cells) {

    public boolean blank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
