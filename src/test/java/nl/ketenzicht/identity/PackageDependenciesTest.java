package nl.ketenzicht.identity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The identity types sit below both {@code security} (which establishes the caller) and {@code audit}
 * (which logs who called); {@code security} logs through {@code audit}, so neither {@code audit} nor
 * {@code shared} may depend on {@code security}.
 */
class PackageDependenciesTest {

    private static final JavaClasses BASE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.ketenzicht.identity", "nl.ketenzicht.security", "nl.ketenzicht.audit", "nl.ketenzicht.shared");

    @Test
    void identityNeedsOnlyTheProblemModel() {
        classes().that().resideInAPackage("nl.ketenzicht.identity..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("nl.ketenzicht.identity..", "nl.ketenzicht.shared.problem..",
                        "java..", "jakarta..", "org.eclipse.microprofile..")
                .check(BASE);
    }

    @Test
    void auditAndSharedDoNotDependOnSecurity() {
        noClasses().that().resideInAnyPackage("nl.ketenzicht.audit..", "nl.ketenzicht.shared..")
                .should().dependOnClassesThat().resideInAPackage("nl.ketenzicht.security..")
                .check(BASE);
    }

    /** The demo's generator can leave a production build without a code change (see the README, Architecture). */
    @Test
    void nothingDependsOnTheSyntheticGenerator() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.ketenzicht");
        noClasses().that().resideOutsideOfPackage("nl.ketenzicht.synthetic..")
                .should().dependOnClassesThat().resideInAPackage("nl.ketenzicht.synthetic..")
                .check(all);
    }

    @Test
    void identitySecurityAuditAndSharedAreFreeOfCycles() {
        slices().matching("nl.ketenzicht.(*)..").should().beFreeOfCycles().check(BASE);
    }
}
