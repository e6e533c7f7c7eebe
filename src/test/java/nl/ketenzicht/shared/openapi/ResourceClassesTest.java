package nl.ketenzicht.shared.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.ketenzicht.support.ResourceModel;
import org.junit.jupiter.api.Test;

/** The scan that feeds the OpenAPI document finds the same resource classes as the test's model. */
class ResourceClassesTest {

    @Test
    void findsEveryResourceClassOfTheApplication() {
        List<Class<?>> found = ResourceClasses.in(getClass().getClassLoader());
        List<Class<?>> expected = ResourceModel.application().resourceClasses();
        assertFalse(expected.isEmpty());
        assertTrue(found.containsAll(expected), "found " + found + ", expected at least " + expected);
        assertTrue(found.contains(ApiDocumentTest.ThingResource.class), "the test tree is on this class path too");
        assertFalse(
                found.contains(ApiDocumentTest.NoteResource.class), "a sub-resource without @Path is no root resource");
    }
}
