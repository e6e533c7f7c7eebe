package nl.ketenzicht.shared.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.support.ResourceModel;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** The generator over a few made-up resources: paths, parameters, bodies, constraints, roles, problems. */
class ApiDocumentTest {

    @ApplicationPath("/api")
    @OpenAPIDefinition(info = @Info(title = "Things", version = "7"))
    @SecurityScheme(
            securitySchemeName = "session",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.COOKIE,
            apiKeyName = "KZ")
    static class ThingsApplication extends Application {}

    enum Colour {
        RED,
        GREEN
    }

    record Address(
            @NotBlank String street, @Size(min = 1, max = 4) List<String> lines) {}

    record CreateThing(
            @NotBlank @Size(min = 2, max = 80) String name,
            @NotNull Colour colour,
            @Past LocalDate born,
            Instant seenAt,
            @Valid @NotNull Address address,
            Set<Colour> tags,
            @Pattern(regexp = "[A-Z]+") String code,
            @Min(1) @Max(9) int rank) {
        static final CreateThing EXAMPLE = new CreateThing(
                "Anna", Colour.RED, LocalDate.of(2001, 2, 3), null, new Address("Dam 1", List.of()), Set.of(), "AB", 3);
    }

    record ThingView(long id, String name) {}

    @Path("things")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"CASEWORKER", "AUDITOR"})
    @Tag(name = "Things")
    public static class ThingResource {

        @GET
        public Page<ThingView> list(
                @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
            return null;
        }

        @GET
        @Path("{id: \\d+}")
        public ThingView get(@PathParam("id") long id) {
            return null;
        }

        @POST
        @Operation(summary = "Creates a thing")
        @APIResponseSchema(value = ThingView.class, responseCode = "201")
        public Response create(@Valid @NotNull CreateThing body) {
            return null;
        }

        @PUT
        @Path("{id}")
        public Response update(
                @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CreateThing body) {
            return null;
        }

        @DELETE
        @Path("{id}")
        @RolesAllowed("CASEWORKER")
        public void delete(@PathParam("id") long id) {}

        @Path("{id}/notes")
        public NoteResource notes(@PathParam("id") long id) {
            return new NoteResource();
        }
    }

    public static class NoteResource {
        @GET
        public List<String> list() {
            return List.of();
        }
    }

    @Path("/open/")
    public static class OpenResource {
        @POST
        @PermitAll
        public void ping() {}
    }

    private final OpenAPI api =
            ApiDocument.build(ThingsApplication.class, List.of(ThingResource.class, OpenResource.class));

    @Test
    void pathsCarryTheApplicationPathAndPlainTemplates() {
        assertEquals(
                Set.of("/api/things", "/api/things/{id}", "/api/things/{id}/notes", "/api/open"),
                api.getPaths().getPathItems().keySet());
        assertEquals("Things", api.getInfo().getTitle());
        assertEquals(
                List.of("Things"),
                api.getPaths().getPathItem("/api/things").getGET().getTags());
    }

    @Test
    void theSameEndpointsAsTheResourceModel() {
        Set<String> documented = new TreeSet<>();
        api.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().keySet().forEach(m -> documented.add(m + " " + path)));
        Set<String> model = new TreeSet<>();
        ResourceModel.of("/api", ThingResource.class, OpenResource.class)
                .endpoints()
                .forEach(e -> model.add(e.key()));
        assertEquals(model, documented);
    }

    @Test
    void queryParametersHaveTypesDefaultsAndBounds() {
        List<Parameter> params =
                api.getPaths().getPathItem("/api/things").getGET().getParameters();
        Parameter limit = params.get(1);
        assertEquals("limit", limit.getName());
        assertEquals(Parameter.In.QUERY, limit.getIn());
        assertEquals(SchemaType.INTEGER, limit.getSchema().getType());
        assertEquals(50L, ((Number) limit.getSchema().getDefaultValue()).longValue());
        assertEquals(new BigDecimal(1), limit.getSchema().getMinimum());
        assertEquals(new BigDecimal(200), limit.getSchema().getMaximum());
        assertEquals(false, limit.getRequired());
    }

    @Test
    void pathParametersAreRequired() {
        Parameter id = api.getPaths()
                .getPathItem("/api/things/{id}")
                .getGET()
                .getParameters()
                .get(0);
        assertEquals(Parameter.In.PATH, id.getIn());
        assertEquals(true, id.getRequired());
        assertEquals("int64", id.getSchema().getFormat());
    }

    @Test
    void recordBodiesBecomeComponentsWithConstraints() {
        var body = api.getPaths().getPathItem("/api/things").getPOST().getRequestBody();
        assertEquals(true, body.getRequired());
        assertEquals(
                "#/components/schemas/ApiDocumentTest.CreateThing",
                body.getContent()
                        .getMediaType(MediaType.APPLICATION_JSON)
                        .getSchema()
                        .getRef());
        Schema thing = component("ApiDocumentTest.CreateThing");
        assertEquals(List.of("address", "colour", "name"), thing.getRequired(), "sorted, as Payara writes them");
        Map<String, Schema> p = thing.getProperties();
        assertEquals(2, p.get("name").getMinLength());
        assertEquals(80, p.get("name").getMaxLength());
        assertEquals(List.of("RED", "GREEN"), p.get("colour").getEnumeration());
        assertEquals("date", p.get("born").getFormat());
        assertTrue(p.get("born").getDescription().contains("past"));
        assertEquals("date-time", p.get("seenAt").getFormat());
        assertEquals(
                "#/components/schemas/ApiDocumentTest.Address", p.get("address").getRef());
        assertEquals(SchemaType.ARRAY, p.get("tags").getType());
        assertEquals(true, p.get("tags").getUniqueItems());
        assertEquals(List.of("RED", "GREEN"), p.get("tags").getItems().getEnumeration());
        assertEquals("[A-Z]+", p.get("code").getPattern());
        assertEquals(new BigDecimal(9), p.get("rank").getMaximum());
        assertEquals("Anna", ((Map<?, ?>) thing.getExample()).get("name"));
        assertEquals(
                4,
                component("ApiDocumentTest.Address")
                        .getProperties()
                        .get("lines")
                        .getMaxItems());
    }

    @Test
    void genericPagesAndListsOfRecords() {
        var ok = api.getPaths()
                .getPathItem("/api/things")
                .getGET()
                .getResponses()
                .getAPIResponse("200");
        assertEquals(
                "#/components/schemas/Page_ThingView",
                ok.getContent()
                        .getMediaType(MediaType.APPLICATION_JSON)
                        .getSchema()
                        .getRef());
        Schema page = component("Page_ThingView");
        assertEquals(
                "#/components/schemas/ApiDocumentTest.ThingView",
                page.getProperties().get("items").getItems().getRef());
        assertEquals("int64", page.getProperties().get("total").getFormat());
        var notes = api.getPaths()
                .getPathItem("/api/things/{id}/notes")
                .getGET()
                .getResponses()
                .getAPIResponse("200");
        assertEquals(
                SchemaType.STRING,
                notes.getContent()
                        .getMediaType(MediaType.APPLICATION_JSON)
                        .getSchema()
                        .getItems()
                        .getType());
    }

    @Test
    void responsesFromAnnotationsAndProblems() {
        var create = api.getPaths().getPathItem("/api/things").getPOST();
        assertEquals("Creates a thing", create.getSummary());
        assertEquals(
                "#/components/schemas/ApiDocumentTest.ThingView",
                create.getResponses()
                        .getAPIResponse("201")
                        .getContent()
                        .getMediaType(MediaType.APPLICATION_JSON)
                        .getSchema()
                        .getRef());
        assertEquals(
                Set.of("201", "400", "401", "403"),
                create.getResponses().getAPIResponses().keySet());
        var update = api.getPaths().getPathItem("/api/things/{id}").getPUT();
        assertEquals(
                Set.of("2XX", "400", "401", "403", "404", "412", "428"),
                update.getResponses().getAPIResponses().keySet());
        assertEquals(
                "#/components/responses/PreconditionFailed",
                update.getResponses().getAPIResponse("412").getRef());
        var problem = api.getComponents()
                .getResponses()
                .get("PreconditionFailed")
                .getContent()
                .getMediaType("application/problem+json");
        assertEquals("#/components/schemas/Problem", problem.getSchema().getRef());
        assertNotNull(component("Problem.FieldError"));
        for (String record : List.of("Problem", "Problem.FieldError")) {
            List<Object> codes = component(record).getProperties().get("code").getEnumeration();
            assertTrue(
                    codes.contains("validation.min")
                            && codes.contains("VERDICT_NEEDS_OM_INFLOW")
                            && codes.contains("upload.notZeroOne"),
                    "the message codes are listed at " + record + ".code: " + codes);
        }
        assertNotNull(api.getPaths()
                .getPathItem("/api/things/{id}")
                .getDELETE()
                .getResponses()
                .getAPIResponse("204"));
    }

    @Test
    void rolesAndOpenEndpoints() {
        var list = api.getPaths().getPathItem("/api/things").getGET();
        assertEquals("Roles: CASEWORKER, AUDITOR", list.getDescription());
        assertTrue(list.getSecurity().get(0).hasScheme("session"));
        assertEquals(
                "Roles: CASEWORKER",
                api.getPaths().getPathItem("/api/things/{id}").getDELETE().getDescription());
        var ping = api.getPaths().getPathItem("/api/open").getPOST();
        assertEquals(1, ping.getSecurity().size(), "one requirement, empty: no credentials needed");
        assertTrue(ping.getSecurity().get(0).getSchemes() == null
                || ping.getSecurity().get(0).getSchemes().isEmpty());
        assertNull(ping.getResponses().getAPIResponse("401"));
        assertEquals(
                "KZ", api.getComponents().getSecuritySchemes().get("session").getName());
    }

    static class Query {
        @QueryParam("level")
        @DefaultValue("TOP")
        @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "How deep.")
        String level;

        @QueryParam("year")
        @jakarta.validation.constraints.Pattern(regexp = "\\d{4}")
        @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "A year.", example = "2022")
        String year;
    }

    static class WiderQuery extends Query {
        @QueryParam("level")
        @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"TOP", "ALL"})
        String level;

        @QueryParam("lang")
        String lang;
    }

    @Path("reports")
    public static class ReportsResource {
        @GET
        @Path("{kind}")
        @QueryParameters(WiderQuery.class)
        public String report(
                @PathParam("kind") @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"a", "b"})
                        String kind) {
            return null;
        }

        @GET
        @Path("special/{id}")
        public String special(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
            return null;
        }
    }

    @Test
    void queryParametersDeclaredByBeansAndFixedPathValuesAsPathsOfTheirOwn() {
        OpenAPI reports = ApiDocument.build(ThingsApplication.class, List.of(ReportsResource.class));
        assertEquals(
                Set.of("/api/reports/a", "/api/reports/b", "/api/reports/special/{id}"),
                reports.getPaths().getPathItems().keySet());
        var a = reports.getPaths().getPathItem("/api/reports/a").getGET();
        assertEquals("report_a", a.getOperationId());
        assertEquals(
                List.of("level", "year", "lang"),
                a.getParameters().stream().map(Parameter::getName).toList(),
                "superclass order, the subclass's level in place of its superclass's");
        assertEquals(List.of("TOP", "ALL"), a.getParameters().get(0).getSchema().getEnumeration());
        Parameter year = a.getParameters().get(1);
        assertEquals("A year.", year.getDescription());
        assertEquals("2022", year.getExample());
        assertEquals("\\d{4}", year.getSchema().getPattern());
        assertNull(a.getResponses().getAPIResponse("404"), "a fixed path cannot be missing");
        var ifMatch = reports.getPaths()
                .getPathItem("/api/reports/special/{id}")
                .getGET()
                .getParameters()
                .get(1);
        assertTrue(
                ifMatch.getDescription().contains("ETag"),
                "conventional headers are described: " + ifMatch.getDescription());
    }

    enum Shape implements PathValues.Value {
        SQUARE,
        ROUND;

        @Override
        public String path() {
            return name().toLowerCase();
        }

        @Override
        public String summary() {
            return "The " + path() + " ones.";
        }
    }

    @Path("shapes/{shape: square|round}")
    public static class ShapesResource {
        @GET
        @Path("export.csv")
        @org.eclipse.microprofile.openapi.annotations.Operation(summary = "As CSV.")
        public String csv(@PathParam("shape") @PathValues(Shape.class) String shape) {
            return null;
        }
    }

    @Test
    void registryPathValuesArePathsOfTheirOwnWhoseSummariesStartWithTheValuesWords() {
        OpenAPI shapes = ApiDocument.build(ThingsApplication.class, List.of(ShapesResource.class));
        assertEquals(
                Set.of("/api/shapes/square/export.csv", "/api/shapes/round/export.csv"),
                shapes.getPaths().getPathItems().keySet());
        var round =
                shapes.getPaths().getPathItem("/api/shapes/round/export.csv").getGET();
        assertEquals("csv_round", round.getOperationId());
        assertEquals("The round ones. As CSV.", round.getSummary());
        assertTrue(round.getParameters() == null || round.getParameters().isEmpty(), "the value is the path's own");
    }

    @Test
    void requestBodiesCarryTheRecordsExampleWithoutNulls() {
        var media = api.getPaths()
                .getPathItem("/api/things")
                .getPOST()
                .getRequestBody()
                .getContent()
                .getMediaType(MediaType.APPLICATION_JSON);
        Map<?, ?> example = (Map<?, ?>) media.getExample();
        assertEquals("Anna", example.get("name"));
        assertEquals("2001-02-03", example.get("born"));
        assertTrue(!example.containsKey("seenAt"), "a null field is left out: " + example);
    }

    private Schema component(String name) {
        Schema schema = api.getComponents().getSchemas().get(name);
        assertNotNull(schema, name + " in " + api.getComponents().getSchemas().keySet());
        return schema;
    }
}
