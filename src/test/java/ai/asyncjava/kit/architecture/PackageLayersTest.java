package ai.asyncjava.kit.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kit's packages stay in layers: no package depends, even through others, on one that
 * depends back on it, and the simulators stand alone, so they can run as services for any client.
 */
class PackageLayersTest {

    private static JavaClasses kit;

    @BeforeAll
    static void importTheKit() {
        kit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.asyncjava.kit");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("ai.asyncjava.kit.(*)..").should().beFreeOfCycles().check(kit);
    }

    @Test
    void simulatorsDependOnNothingElseOfTheKit() {
        noClasses().that().resideInAPackage("ai.asyncjava.kit.simulators..")
                .should().dependOnClassesThat(resideInAPackage("ai.asyncjava.kit..")
                        .and(resideOutsideOfPackage("ai.asyncjava.kit.simulators..")))
                .check(kit);
    }
}
