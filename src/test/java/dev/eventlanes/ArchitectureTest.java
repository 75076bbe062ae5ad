package dev.eventlanes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers' arrows point one way: ui and cli on top, model at the bottom. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.eventlanes");
    }

    @Test
    void onlyTheUiDependsOnJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.eventlanes.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage("dev.eventlanes.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void nothingPrintsStackTraces() {
        noClasses().that().resideOutsideOfPackage("dev.eventlanes.cli..")
                .should().callMethod(Throwable.class, "printStackTrace")
                .check(classes);
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(classes);
    }

    @Test
    void theModelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.eventlanes.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eventlanes.scenario..", "dev.eventlanes.python..",
                        "dev.eventlanes.trace..", "dev.eventlanes.scene..", "dev.eventlanes.ui..", "dev.eventlanes.cli..",
                        "dev.eventlanes.lesson..")
                .orShould().dependOnClassesThat().belongToAnyOf(Launcher.class)
                .check(classes);
    }

    @Test
    void theSceneBuildsOnTheModelAlone() {
        // The window and `render` share the scene's geometry: it must stay free of JavaFX (see
        // onlyTheUiDependsOnJavaFx), and of programs, files and printing.
        noClasses().that().resideInAPackage("dev.eventlanes.scene..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eventlanes.scenario..", "dev.eventlanes.python..",
                        "dev.eventlanes.trace..", "dev.eventlanes.ui..", "dev.eventlanes.cli..", "dev.eventlanes.launch..",
                        "dev.eventlanes.lesson..")
                .check(classes);
    }

    @Test
    void lessonNotesDependOnNothingElseOfOurs() {
        // Notes are words about a program, read from its text: a loader free of the model, the
        // window and JavaFX (see onlyTheUiDependsOnJavaFx), which scenario files and the window use.
        noClasses().that().resideInAPackage("dev.eventlanes.lesson..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eventlanes.model..", "dev.eventlanes.scenario..",
                        "dev.eventlanes.python..", "dev.eventlanes.trace..", "dev.eventlanes.scene..", "dev.eventlanes.ui..",
                        "dev.eventlanes.cli..", "dev.eventlanes.launch..")
                .orShould().dependOnClassesThat().belongToAnyOf(Launcher.class)
                .check(classes);
    }

    @Test
    void scenarioPythonAndTraceDoNotDependOnUiOrCli() {
        noClasses().that().resideInAnyPackage("dev.eventlanes.scenario..", "dev.eventlanes.python..", "dev.eventlanes.trace..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eventlanes.ui..", "dev.eventlanes.cli..")
                .check(classes);
    }
}
