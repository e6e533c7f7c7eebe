package nl.ketenzicht.shared.openapi;

import java.lang.reflect.Method;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Payara adds a top-level {@code endpoints} listing of its own to the served document. OpenAPI 3.0
 * allows no such field (only {@code x-} extensions), so linters and strict client generators refuse
 * the document; it lists nothing that {@code paths} does not. This filter empties it, and Payara
 * writes no empty field. A server without the listing is left as it is.
 */
public class PayaraListingFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            Method set = openAPI.getClass().getMethod("setEndpoints", Map.class);
            set.invoke(openAPI, Map.of());
        } catch (NoSuchMethodException e) {
            // not Payara's model: nothing to remove
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot remove Payara's endpoints listing from the OpenAPI document", e);
        }
    }
}
