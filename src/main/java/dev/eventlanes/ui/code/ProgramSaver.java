package dev.eventlanes.ui.code;

import dev.eventlanes.model.Program;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Save for a pasted program: its text exactly as it ran, to a {@code .py} file (a Python
 * program) or a {@code .json} file (a scenario), chosen with a file chooser that opens in the
 * folder saved to last (remembered in {@link Settings} as {@value #FOLDER}). The file opens again
 * with Open and runs the same.
 *
 * <p>A write that fails (a read-only folder, a folder that is gone) leaves any file that was
 * there untouched — the text goes to a temporary file first, then takes its place — and says so
 * in a dialog: the program stays open and the paste editor keeps its code, so nothing is lost.
 */
public final class ProgramSaver {
    /** The settings key of the last folder saved to. */
    public static final String FOLDER = "saveFolder";

    private final I18n i18n;
    private Settings settings;
    private final Consumer<DialogPane> dress;
    /** Asks where to save (a file chooser; tests answer it themselves). */
    private BiFunction<Window, FileChooser, File> chooser = (owner, fc) -> fc.showSaveDialog(owner);
    /** Shows a failure (a modal dialog; tests look at it without waiting). */
    private Consumer<Alert> failure = Alert::showAndWait;
    private Program program;
    private String text;
    private boolean python;
    private String lastName;

    /**
     * @param dress dresses a dialog like the window (its style sheet and text size)
     */
    public ProgramSaver(I18n i18n, Settings settings, Consumer<DialogPane> dress) {
        this.i18n = i18n;
        this.settings = settings;
        this.dress = dress;
    }

    public void setSettings(Settings settings) {
        this.settings = settings;
    }

    public void setChooser(BiFunction<Window, FileChooser, File> chooser) {
        this.chooser = chooser;
    }

    public void setFailureShower(Consumer<Alert> failure) {
        this.failure = failure;
    }

    /** A program has been pasted and runs: its text is what Save writes while it is open. */
    public void pasted(Program p, String text, boolean python) {
        this.program = p;
        this.text = text;
        this.python = python;
    }

    /** True if the program open is the one pasted last. */
    public boolean canSave(Program open) {
        return program != null && open == program;
    }

    /**
     * Asks where, and writes the pasted text there.
     *
     * @return the file written, or null (not asked for, or it failed, and the dialog said so)
     */
    public Path save(Window owner) {
        if (program == null) {
            return null;
        }
        String ext = python ? "py" : "json";
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("dialog.save.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get(python ? "filter.python" : "filter.scenario"), "*." + ext));
        String folder = settings.get(FOLDER, null);
        if (folder != null && Files.isDirectory(Path.of(folder))) {
            fc.setInitialDirectory(new File(folder));
        }
        fc.setInitialFileName(lastName != null && lastName.endsWith("." + ext) ? lastName : "pasted." + ext);
        File f = chooser.apply(owner, fc);
        if (f == null) {
            return null;
        }
        Path target = f.toPath().toAbsolutePath();
        if (!target.getFileName().toString().contains(".")) {
            // Chooser dialogs on Linux add no extension: Open tells programs by theirs.
            target = target.resolveSibling(target.getFileName() + "." + ext);
        }
        try {
            write(target, text);
        } catch (IOException e) {
            showFailure(owner, target, e);
            return null;
        }
        lastName = target.getFileName().toString();
        settings.put(FOLDER, target.getParent().toString());
        settings.save();
        return target;
    }

    /** Writes text to a file through a temporary file beside it, so a failed write destroys nothing. */
    static void write(Path target, String text) throws IOException {
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder");
        }
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void showFailure(Window owner, Path target, IOException e) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        dress.accept(a.getDialogPane());
        a.getDialogPane().setId("saveFailed");
        a.setTitle(i18n.get("dialog.saveFailed.title"));
        a.setHeaderText(i18n.get("dialog.saveFailed.header", target.getFileName()));
        a.setContentText(i18n.get("dialog.saveFailed.text", target.getParent(), reason(e)));
        a.getButtonTypes().setAll(new ButtonType(i18n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        failure.accept(a);
    }

    /** Why a write failed, in words. */
    private String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return i18n.get("error.readOnly");
        }
        if (e instanceof NoSuchFileException) {
            return i18n.get("error.noFolder");
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
