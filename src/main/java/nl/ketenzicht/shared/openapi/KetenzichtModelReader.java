package nl.ketenzicht.shared.openapi;

import java.util.List;
import java.util.logging.Logger;
import nl.ketenzicht.shared.KetenzichtApplication;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document served at {@code /openapi}, built from the code by {@link ApiDocument}.
 * Payara's own annotation scanner is off ({@code mp.openapi.scan.disable}): it fails on Bean
 * Validation annotations of record components (Payara issue #7649).
 */
public class KetenzichtModelReader implements OASModelReader {

    private static final Logger LOG = Logger.getLogger(KetenzichtModelReader.class.getName());

    @Override
    public OpenAPI buildModel() {
        List<Class<?>> resources = ResourceClasses.in(KetenzichtModelReader.class.getClassLoader());
        LOG.info(() -> "OpenAPI document of " + resources.size() + " resource classes");
        return ApiDocument.build(KetenzichtApplication.class, resources);
    }
}
