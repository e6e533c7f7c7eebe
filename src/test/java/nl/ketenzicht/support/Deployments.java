package nl.ketenzicht.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR under test is the one Maven built, plus the test-only endpoints, at the root context as the
 * image and the demo deploy it (only there does Payara put its /openapi servlet into the application,
 * behind the application's filters). Every test class deploys this same archive, so that all classes of
 * a failsafe execution share one server ({@link nl.ketenzicht.support.arquillian.SharedPayaraMicro}).
 */
public final class Deployments {

    private Deployments() {}

    public static WebArchive war() {
        File built = new File("target/ketenzicht.war");
        if (!built.isFile()) {
            throw new IllegalStateException(
                    "target/ketenzicht.war is missing: run the integration tests through 'mvn verify'");
        }
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, built))
                .addClasses(
                        TestClockResource.class,
                        TestFailureResource.class,
                        TestRetentionResource.class,
                        TestDiagnosticsResource.class,
                        TestTimeResource.class,
                        nl.ketenzicht.imports.TestImportLimitsResource.class,
                        nl.ketenzicht.monitor.TestKeptFiguresResource.class);
    }

    /** The same archive: every test deploys at the root context. */
    public static WebArchive atRoot() {
        return war();
    }
}
