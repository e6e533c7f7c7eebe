package nl.ketenzicht.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The identity types sit below both {@code security} (which establishes the caller) and {@code audit}
 * (which logs who called); {@code security} logs through {@code audit}, so neither {@code audit} nor
 * {@code shared} may depend on {@code security}.
 */
class PackageDependenciesTest {

    /** The application's compiled classes (read from their folder: scanning the class path for packages is slow). */
    private static final java.nio.file.Path CLASSES = classFolder();

    private static final JavaClasses BASE = new ClassFileImporter()
            .importPaths(Stream.of("identity", "security", "audit", "shared")
                    .map(p -> CLASSES.resolve("nl/ketenzicht/" + p))
                    .toList());

    private static java.nio.file.Path classFolder() {
        try {
            return java.nio.file.Path.of(Caller.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void identityNeedsOnlyTheProblemModel() {
        classes()
                .that()
                .resideInAPackage("nl.ketenzicht.identity..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "nl.ketenzicht.identity..",
                        "nl.ketenzicht.shared.problem..",
                        "java..",
                        "jakarta..",
                        "org.eclipse.microprofile..")
                .check(BASE);
    }

    @Test
    void auditAndSharedDoNotDependOnSecurity() {
        noClasses()
                .that()
                .resideInAnyPackage("nl.ketenzicht.audit..", "nl.ketenzicht.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("nl.ketenzicht.security..")
                .check(BASE);
    }

    /** The demo's generator can leave a production build without a code change (see the README, Architecture). */
    @Test
    void nothingDependsOnTheSyntheticGenerator() {
        JavaClasses all = new ClassFileImporter().importPath(CLASSES.resolve("nl/ketenzicht"));
        noClasses()
                .that()
                .resideOutsideOfPackage("nl.ketenzicht.synthetic..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("nl.ketenzicht.synthetic..")
                .check(all);
    }

    @Test
    void identitySecurityAuditAndSharedAreFreeOfCycles() {
        slices().matching("nl.ketenzicht.(*)..").should().beFreeOfCycles().check(BASE);
    }
}
