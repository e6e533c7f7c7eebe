package nl.ketenzicht.reports;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.cases.TeamType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of the reports as the OpenAPI document shows them
 * ({@link nl.ketenzicht.shared.openapi.QueryParameters}). The reports read the query themselves
 * ({@link ReportRequest#parse}, {@link VictimCut#parse}, {@link ReportLabels#language}) so that they
 * can refuse every other name; {@code ReportQueriesTest} keeps these declarations and the parsers in step.
 */
final class ReportQueries {

    private ReportQueries() {}

    /** The cut of every report: one period at most, a region level and filters. */
    static class Cut {
        @QueryParam("year")
        @Schema(pattern = "\\d{4}")
        @Parameter(
                description = "A calendar year. Give at most one of year, quarter and from/to; none means all years.",
                example = "2022")
        String year;

        @QueryParam("quarter")
        @Schema(pattern = "\\d{4}-Q[1-4]")
        @Parameter(description = "One quarter.", example = "2022-Q3")
        String quarter;

        @QueryParam("from")
        @Schema(pattern = "\\d{4}-Q[1-4]")
        @Parameter(description = "The first quarter of a range of whole quarters; with to.", example = "2020-Q1")
        String from;

        @QueryParam("to")
        @Schema(pattern = "\\d{4}-Q[1-4]")
        @Parameter(description = "The last quarter of a range of whole quarters; with from.", example = "2022-Q4")
        String to;

        @QueryParam("level")
        @DefaultValue("POLICE_UNIT")
        @Parameter(description = "The regions compared side by side, next to the national figure.")
        ReportRequest.Level level;

        @QueryParam("origin")
        @Parameter(description = "Only cases of this origin.")
        Origin origin;

        @QueryParam("form")
        @Schema(enumeration = {"SEXUAL", "LABOUR", "CRIMINAL", "ORGAN_REMOVAL", "OTHER"})
        @Parameter(description = "Only cases with this exploitation form among theirs.")
        String form;

        @QueryParam("team")
        @Parameter(description = "Only cases of this team type.")
        TeamType team;
    }

    /** Measures 4–6 add the victims' age group and the municipalities of one police unit. */
    static class VictimCut extends Cut {
        @QueryParam("level")
        @DefaultValue("POLICE_UNIT")
        @Schema(enumeration = {"POLICE_UNIT", "COURT_DISTRICT", "PROSECUTION_OFFICE", "MUNICIPALITY"})
        @Parameter(
                description =
                        "The regions compared side by side, next to the national figure; MUNICIPALITY needs unit.")
        String level;

        @QueryParam("ageGroup")
        @Parameter(
                description =
                        "Only victims of this age group (at the start of the exploitation, else at the opening of the case).")
        AgeGroup ageGroup;

        @QueryParam("unit")
        @Schema(pattern = "[A-Z]{2,8}")
        @Parameter(
                description =
                        "With level=MUNICIPALITY, and only then: the police unit whose municipalities are compared "
                                + "(a regional coordinator's own).",
                example = "AMS")
        String unit;
    }

    /** Exports and print views are worded in a language of their own. */
    static class Download {
        @QueryParam(ReportLabels.LANG)
        @Schema(enumeration = {"nl", "en"})
        @Parameter(
                description =
                        "The language of the labels; else the first of Accept-Language that is offered, else Dutch.")
        String lang;
    }
}
