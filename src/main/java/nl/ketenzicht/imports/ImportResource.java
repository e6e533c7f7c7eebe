package nl.ketenzicht.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.openapi.Download;
import nl.ketenzicht.web.Messages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk import of a partner's file (CSV or XLSX) — a case file, context per year or registrations:
 * upload, preview (a dry run), commit, status, problems, refused rows, cancel; and the templates. Each
 * kind of file needs the role of the API's writes it makes (see {@link ImportTemplate}).
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";
    private static final String ACCEPT_LANGUAGE =
            "The browser's languages; when lang is absent, the first of them that is nl or en, else Dutch.";
    private static final String TEMPLATE =
            "The kind of file: cases (the default), context (coordinators and administrators) or registrations.";
    private static final String LANGUAGE =
            "Language of the texts: nl or en (anything else is refused with 400); without it, Accept-Language decides.";

    @Inject
    ImportService service;

    @Inject
    Templates templates;

    @POST
    @Consumes({CSV, XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary =
                    "Uploads a file of the chosen kind (CSV with , ; or tab, UTF-8 or Windows-1252; or XLSX) and checks it as a "
                            + "whole. A file that cannot be imported is refused with one problem and nothing is kept.")
    @APIResponseSchema(
            value = ImportViews.JobView.class,
            responseCode = "201",
            responseDescription = "The new job, status UPLOADED.")
    public Response upload(
            @Schema(
                            example =
                                    "soort;zaak_referentie;referentie;gemeente;geopend_op;herkomst;uitbuitingsvormen;teamtype;"
                                            + "aantal_verdachten;netwerk\nZAAK;Z-1;Z-1;GM0363;2024-03-01;AMBTSHALVE;SEXUAL;AVIM;1;nee\n")
                    InputStream body,
            @QueryParam("fileName") @Parameter(description = "The file's name, to show it back.") String fileName,
            @QueryParam("template") @Parameter(description = TEMPLATE) String template,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        var view =
                service.in(Messages.language(lang, acceptLanguage)).upload(body, fileName, ImportTemplate.of(template));
        return Response.status(201)
                .entity(view)
                .header("Location", "imports/" + view.id())
                .build();
    }

    @GET
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(summary = "Your organisation's recent import jobs of the kinds of file you may import, newest first.")
    public List<ImportViews.JobView> recent(
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        return service.in(Messages.language(lang, acceptLanguage)).recent();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(summary = "A job's state, progress (rows done, rows per second, time left) and summary.")
    public ImportViews.JobView get(
            @PathParam("id") long id,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        return service.in(Messages.language(lang, acceptLanguage)).get(id);
    }

    @POST
    @Path("{id}/preview")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary =
                    "Starts a dry run in the background: every row checked with the API's own rules and scope, nothing kept.")
    @APIResponseSchema(
            value = ImportViews.JobView.class,
            responseCode = "202",
            responseDescription = "The job, status PREVIEWING.")
    public Response preview(
            @PathParam("id") long id,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        return Response.accepted(
                        service.in(Messages.language(lang, acceptLanguage)).preview(id))
                .build();
    }

    @POST
    @Path("{id}/commit")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary =
                    "Starts applying the file in the background: all or nothing, or per case (a case with its parties and steps whole).")
    @APIResponseSchema(
            value = ImportViews.JobView.class,
            responseCode = "202",
            responseDescription = "The job, status COMMITTING.")
    public Response commit(
            @PathParam("id") long id,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage,
            @NotNull ImportViews.CommitRequest body) {
        return Response.accepted(
                        service.in(Messages.language(lang, acceptLanguage)).commit(id, body))
                .build();
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary =
                    "Asks a running job to stop after the case it is applying; nothing is half-applied within a case.")
    @APIResponseSchema(
            value = ImportViews.JobView.class,
            responseCode = "202",
            responseDescription = "The job, still running until it stops.")
    public Response cancel(
            @PathParam("id") long id,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        return Response.accepted(
                        service.in(Messages.language(lang, acceptLanguage)).cancel(id))
                .build();
    }

    @GET
    @Path("{id}/problems")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary =
                    "The problems of the last run, per row and column, in the user's language, with the rule that refused the row.")
    public ImportViews.Problems problems(
            @PathParam("id") long id,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        return service.problems(id, offset, limit, Messages.language(lang, acceptLanguage));
    }

    @GET
    @Path("{id}/refused-rows")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary =
                    "The refused rows as CSV in the template's columns with a reason column: correct them and upload the file again.")
    @Download(value = CSV, description = "The refused rows as CSV.")
    public Response refused(
            @PathParam("id") long id,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = Messages.language(lang, acceptLanguage);
        service.job(id).requireFile();
        StreamingOutput body = out -> service.refusedRows(id, language, out);
        return Response.ok(body, CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-refused.csv\"")
                .build();
    }

    @GET
    @Path("template")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary =
                    "A template with example rows: CSV, or XLSX with the code lists and the column documentation as further sheets.")
    @APIResponse(
            responseCode = "200",
            description = "The template.",
            content = {
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response template(
            @QueryParam("format") @DefaultValue("csv") @Parameter(description = "csv or xlsx.") String format,
            @QueryParam("template") @Parameter(description = TEMPLATE) String template,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = Messages.language(lang, acceptLanguage);
        ImportTemplate kind = ImportTemplate.of(template);
        service.requireAllowed(kind);
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw nl.ketenzicht.shared.problem.ProblemException.invalid(
                    "format",
                    nl.ketenzicht.shared.problem.MessageCode.VALUE_NOT_ALLOWED,
                    java.util.Map.of("allowed", "csv, xlsx"),
                    "Choose csv or xlsx.");
        }
        boolean xlsx = "xlsx".equals(format);
        StreamingOutput body = out -> {
            if (xlsx) {
                templates.xlsx(kind, language, out);
            } else {
                templates.csv(kind, language, out);
            }
        };
        return Response.ok(body, xlsx ? XLSX : CSV + ";charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"ketenzicht-" + kind.fileName(language) + "." + (xlsx ? "xlsx" : "csv")
                                + "\"")
                .build();
    }

    @GET
    @Path("columns")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary = "A template's columns: header, English alias, the kinds of row they apply to and their meaning.")
    public List<ImportViews.ColumnView> columns(
            @QueryParam("template") @Parameter(description = TEMPLATE) String template,
            @QueryParam("lang") @Parameter(description = LANGUAGE) String lang,
            @HeaderParam("Accept-Language") @Parameter(description = ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = Messages.language(lang, acceptLanguage);
        ImportTemplate kind = ImportTemplate.of(template);
        service.requireAllowed(kind);
        return ImportColumn.of(kind).stream()
                .map(c -> new ImportViews.ColumnView(
                        c.name(),
                        Templates.header(c, language),
                        "en".equals(language) ? c.dutch() : c.english(),
                        c.kinds().stream()
                                .filter(kind.kinds()::contains)
                                .map(k -> "en".equals(language) ? k.name() : k.dutch())
                                .toList(),
                        c.description(language),
                        kind.required().contains(c)))
                .toList();
    }

    @GET
    @Path("templates")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.ADMIN_})
    @Operation(
            summary =
                    "The kinds of file your role may import: case files and registrations (case workers), context (coordinators, administrators).")
    public List<ImportViews.TemplateView> templates() {
        return service.templates().stream()
                .map(t -> new ImportViews.TemplateView(t.key()))
                .toList();
    }
}
