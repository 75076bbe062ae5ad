package dev.eventlanes.ui.code;

import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Styles;
import dev.eventlanes.ui.program.ProgramSource;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * The paste dialog's editor: the code component, editable, and under it the list of problems
 * the last Run found. Each problem is marked in the code (a wavy line and a sign in the gutter
 * of its line); clicking it in the list (or Enter on it) puts the caret there.
 */
public final class PasteEditor {
    private final I18n i18n;
    private final CodeEditor editor = new CodeEditor(true);
    private final ListView<ProgramSource.Problem> problems = new ListView<>();
    private static final String PYTHON = "Python (.py)";
    private static final String SCENARIO = "Scenario (.json)";
    private final ChoiceBox<String> kind = new ChoiceBox<>(FXCollections.observableArrayList(PYTHON, SCENARIO));
    /** The kind follows the text until it is chosen by hand. */
    private boolean kindByHand;
    private boolean settingKind;

    public PasteEditor(I18n i18n, String initial) {
        this.i18n = i18n;
        editor.area().setId("pasteArea");
        editor.setPrefSize(800, 420);
        editor.setText(initial);
        kind.setAccessibleText(i18n.get("dialog.paste.kind"));
        setKind(looksLikeJson(initial));
        kind.valueProperty().addListener((o, a, b) -> {
            kindByHand |= !settingKind;
            editor.setPython(isPython());
        });
        // Pasted into an empty editor, a scenario is told by its text (a JSON object is valid
        // Python too, and ran as a program that prints nothing).
        editor.area().textProperty().addListener((o, a, b) -> {
            if (!kindByHand) {
                setKind(looksLikeJson(b));
            }
        });
        problems.setId("pasteProblems");
        problems.setPrefHeight(110);
        problems.getStyleClass().add(Styles.CONSOLE);
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProgramSource.Problem p, boolean empty) {
                super.updateItem(p, empty);
                pseudoClassStateChanged(Styles.ERROR, !empty && p != null);
                setText(empty || p == null ? null : words(p));
            }
        });
        problems.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> goToSelected());
        problems.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                goToSelected();
                e.consume();
            }
        });
    }

    private static boolean looksLikeJson(String text) {
        return text.trim().startsWith("{");
    }

    private void setKind(boolean json) {
        settingKind = true;
        try {
            kind.setValue(json ? SCENARIO : PYTHON);
        } finally {
            settingKind = false;
        }
        editor.setPython(!json);
    }

    /** Python (.py) or Scenario (.json): chosen by hand, or else told by the text. */
    public ChoiceBox<String> kindBox() {
        return kind;
    }

    /** True for a Python program, false for a scenario. */
    public boolean isPython() {
        return !SCENARIO.equals(kind.getValue());
    }

    private String words(ProgramSource.Problem p) {
        return p.line() > 0 ? i18n.get("problem.line", p.line(), p.message()) : p.message();
    }

    private void goToSelected() {
        ProgramSource.Problem p = problems.getSelectionModel().getSelectedItem();
        if (p != null) {
            editor.goTo(p);
        }
    }

    public CodeEditor editor() {
        return editor;
    }

    /** The list of problems under the code. */
    public ListView<ProgramSource.Problem> problemList() {
        return problems;
    }

    public String text() {
        return editor.getText();
    }

    /**
     * The problems a Run found: listed, and marked in the code where they have a line; the caret
     * goes to the first of those (the code was all selected, to be pasted over).
     */
    public void showProblems(List<ProgramSource.Problem> list) {
        problems.getItems().setAll(list);
        editor.setProblems(list);
        list.stream().filter(p -> p.line() > 0).findFirst().ifPresent(editor::goTo);
    }

    /** The focus in the code, all of it selected: pasting over the last program replaces it in one go. */
    public void focusAndSelectAll() {
        editor.area().requestFocus();
        editor.area().selectAll();
    }
}
