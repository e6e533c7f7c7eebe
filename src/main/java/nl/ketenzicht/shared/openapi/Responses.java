package nl.ketenzicht.shared.openapi;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The responses of an operation: the success response from the return type (or from
 * {@code @APIResponse}/{@code @APIResponseSchema} when the method returns a bare {@code Response}),
 * and the problem responses that the API's filters and mappers give, as {@code application/problem+json}.
 */
final class Responses {

    /** Status → name under #/components/responses and its description. */
    static final Map<String, String[]> PROBLEMS = Map.of(
            "400",
                    new String[] {
                        "BadRequest",
                        "The request is not valid; errors names every field at fault at once, each with a message code and params."
                    },
            "401", new String[] {"Unauthorized", "Not logged in, or the session has ended."},
            "403", new String[] {"Forbidden", "The caller's role does not allow this, or the CSRF token is missing."},
            "404", new String[] {"NotFound", "Does not exist or is not yours to see."},
            "412",
                    new String[] {
                        "PreconditionFailed", "If-Match does not name the current version: reload and try again."
                    },
            "428",
                    new String[] {
                        "PreconditionRequired", "If-Match is missing: send the ETag of the version you changed."
                    });

    private final Schemas schemas;

    Responses(Schemas schemas) {
        this.schemas = schemas;
    }

    /** Puts the problem responses under #/components/responses. */
    void register(Components components) {
        Schema problem = schemas.of(Problem.class);
        documentCodes(schemas.components().get("Problem"));
        documentCodes(schemas.components().get("Problem.FieldError"));
        PROBLEMS.forEach((status, named) -> components.addResponse(
                named[0],
                OASFactory.createAPIResponse()
                        .description(named[1])
                        .content(Operations.content(List.of(Problem.MEDIA_TYPE), problem))));
    }

    /** The message codes, listed where a client looks them up: the {@code code} of a problem and of a field error. */
    private static void documentCodes(Schema record) {
        Schema code = record == null || record.getProperties() == null
                ? null
                : record.getProperties().get("code");
        if (code != null) {
            code.enumeration(Arrays.stream(MessageCode.values())
                    .<Object>map(MessageCode::code)
                    .toList());
            code.description("Message code: render it with params in the user's language (bundle key problem.<code>, "
                    + "texts at api/i18n/{nl|en}); the English detail or message says the same. A refused rule of "
                    + "the chain has its rule as code. Unknown codes may be added: fall back to the English text.");
        }
    }

    APIResponses of(Class<?> resource, Method method, Operation op, String path) {
        APIResponses responses = OASFactory.createAPIResponses();
        documented(resource, method, responses);
        if (responses.getAPIResponses() == null || responses.getAPIResponses().isEmpty()) {
            success(resource, method, responses);
        }
        boolean open = op.getSecurity() != null
                && op.getSecurity().stream()
                        .allMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
        boolean input = (op.getParameters() != null && !op.getParameters().isEmpty()) || op.getRequestBody() != null;
        boolean ifMatch = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        problem(responses, "400", input);
        problem(responses, "401", !open);
        problem(responses, "403", !open);
        problem(responses, "404", path.contains("{"));
        problem(responses, "412", ifMatch);
        problem(responses, "428", ifMatch);
        return responses;
    }

    private void problem(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(
                    status, OASFactory.createAPIResponse().ref("#/components/responses/" + PROBLEMS.get(status)[0]));
        }
    }

    private void success(Class<?> resource, Method method, APIResponses responses) {
        Type type = unwrapAsync(method.getGenericReturnType());
        Class<?> raw = Schemas.raw(type);
        if (raw == void.class || raw == Void.class) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("No content"));
        } else if (raw == Response.class) {
            responses.addAPIResponse("2XX", OASFactory.createAPIResponse().description("Success"));
        } else {
            responses.addAPIResponse(
                    "200",
                    OASFactory.createAPIResponse()
                            .description("OK")
                            .content(Operations.content(produces(resource, method), schemas.of(type))));
        }
    }

    private void documented(Class<?> resource, Method method, APIResponses responses) {
        APIResponseSchema s = method.getAnnotation(APIResponseSchema.class);
        if (s != null) {
            String code = !s.responseCode().isEmpty()
                    ? s.responseCode()
                    : method.isAnnotationPresent(POST.class) ? "201" : "200";
            responses.addAPIResponse(
                    code,
                    OASFactory.createAPIResponse()
                            .description(s.responseDescription().isEmpty() ? "Success" : s.responseDescription())
                            .content(Operations.content(produces(resource, method), schemas.of(s.value()))));
        }
        Download download = method.getAnnotation(Download.class);
        if (download != null) {
            responses.addAPIResponse(
                    "200",
                    OASFactory.createAPIResponse()
                            .description(download.description())
                            .content(Operations.content(List.of(download.value()), file(download.value()))));
        }
        for (APIResponse r : method.getAnnotationsByType(APIResponse.class)) {
            var response = OASFactory.createAPIResponse().description(r.description());
            for (Content c : r.content()) {
                Class<?> impl = c.schema().implementation();
                Schema schema;
                if (impl != Void.class) {
                    schema = c.schema().type() == SchemaType.ARRAY
                            ? OASFactory.createSchema()
                                    .type(Schema.SchemaType.ARRAY)
                                    .items(schemas.of(impl))
                            : schemas.of(impl);
                } else if (c.schema().type() != SchemaType.DEFAULT) {
                    // A download: text or bytes of a declared media type
                    schema = OASFactory.createSchema()
                            .type(Schema.SchemaType.valueOf(c.schema().type().name()))
                            .format(
                                    c.schema().format().isEmpty()
                                            ? null
                                            : c.schema().format());
                } else {
                    continue;
                }
                List<String> media = c.mediaType().isEmpty() ? produces(resource, method) : List.of(c.mediaType());
                response.content(Operations.content(media, schema));
            }
            responses.addAPIResponse(r.responseCode().isEmpty() ? APIResponses.DEFAULT : r.responseCode(), response);
        }
    }

    /** A downloaded file's schema: a JSON object, text, or bytes. */
    private static Schema file(String mediaType) {
        if (mediaType.equals(MediaType.APPLICATION_JSON)) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        }
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        return mediaType.startsWith("text/") ? text : text.format("binary");
    }

    private static Type unwrapAsync(Type type) {
        if (type instanceof ParameterizedType p && CompletionStage.class.isAssignableFrom((Class<?>) p.getRawType())) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    static List<String> produces(Class<?> resource, Method method) {
        Produces p = method.isAnnotationPresent(Produces.class)
                ? method.getAnnotation(Produces.class)
                : resource.getAnnotation(Produces.class);
        return p == null ? List.of(MediaType.APPLICATION_JSON) : Operations.split(p.value());
    }

    static void describe(Operation op, String text) {
        op.description(op.getDescription() == null ? text : op.getDescription() + "\n\n" + text);
    }
}
