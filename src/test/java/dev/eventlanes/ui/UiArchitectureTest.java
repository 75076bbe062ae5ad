package dev.eventlanes.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layer rules the window depends on: only ui touches JavaFX; nothing in main code prints. */
class UiArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eventlanes");

    @Test
    void onlyTheUiPackageImportsJavafx() {
        noClasses().that().resideOutsideOfPackage("dev.eventlanes.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(MAIN);
    }

    @Test
    void theUiNeverWritesToStandardOutOrErr() {
        noClasses().that().resideInAPackage("dev.eventlanes.ui..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(MAIN);
    }

    @Test
    void onlyTheCodeViewUsesRichTextFx() {
        // The code component is one package: the rest of the window sees CodePanel, PasteEditor
        // and ProgramSaver, never RichTextFX, so the library can be swapped in one place.
        noClasses().that().resideOutsideOfPackage("dev.eventlanes.ui.code..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fxmisc..", "org.reactfx..")
                .check(MAIN);
    }

    @Test
    void theTimelineAndProgramSourcesStayFreeOfJavafx() {
        noClasses().that().resideInAnyPackage("dev.eventlanes.scene..", "dev.eventlanes.ui.program..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(MAIN);
    }
}
