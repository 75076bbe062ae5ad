package dev.eventlanes.ui.lesson;

import dev.eventlanes.lesson.Lesson;
import dev.eventlanes.lesson.LessonNotes;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Session;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson side panel: the open program's lesson in the language shown, for the teacher to
 * talk from — its title, what it shows, what to watch, and a question for the class whose
 * answer stays hidden behind "Show answer" until asked for. A program without notes gets a
 * sample of the comment block that would give it some; a malformed block's problems are listed
 * under the lesson, each naming its line.
 *
 * <p>All sizes are in em in the style sheet ({@code .lesson-panel}), so the window's zoom, which
 * sets the root's font size, zooms the panel too; a language switch re-words it at once.
 */
public final class LessonPanel extends VBox {
    /** The panel's style class; its parts' classes start with {@code lesson-panel-}. */
    public static final String STYLE = "lesson-panel";
    /** At most this share of the window's width, so that the lanes keep the rest at any zoom. */
    static final double MAX_SHARE = 0.34;

    private final I18n i18n;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private LessonNotes notes = LessonNotes.NONE;
    private boolean answerShown;

    private final Label heading = new Label();
    private final Button close = new Button("\u2715");
    private final VBox body = new VBox();
    private final ScrollPane scroll = new ScrollPane(body);
    private final Label title = text("lessonPanelTitle", "lesson-panel-title");
    private final Label showsHeading = text(null, "lesson-panel-heading");
    private final Label shows = text("lessonPanelShows", "lesson-panel-text");
    private final Label watchHeading = text(null, "lesson-panel-heading");
    private final Label watch = text("lessonPanelWatch", "lesson-panel-watch");
    private final Label askHeading = text(null, "lesson-panel-heading");
    private final Label question = text("lessonPanelQuestion", "lesson-panel-question");
    private final Button showAnswer = new Button();
    private final Label answer = text("lessonPanelAnswer", "lesson-panel-answer");
    private final Label problemsHeading = text(null, "lesson-panel-heading");
    private final Label problems = text("lessonPanelProblems", "lesson-panel-problems");
    private final Label none = text("lessonPanelNone", "lesson-panel-none");
    private final Label hint = text(null, "lesson-panel-text");
    private final Label sample = text("lessonPanelSample", "lesson-panel-sample");

    public LessonPanel(I18n i18n) {
        this.i18n = i18n;
        setId("lessonPanel");
        getStyleClass().add(STYLE);
        heading.getStyleClass().add("section-title");
        close.setId("lessonClose");
        close.getStyleClass().add("lesson-panel-close");
        close.setFocusTraversable(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(heading, gap, close);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("lesson-panel-head");

        showAnswer.setId("lessonShowAnswer");
        showAnswer.getStyleClass().add("lesson-panel-show-answer");
        showAnswer.setOnAction(e -> {
            answerShown = !answerShown;
            refresh();
            if (answerShown) {
                showQuestionAtTop();
            }
        });
        body.getStyleClass().add("lesson-panel-body");
        body.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-panel-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, scroll);
        i18n.localeProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private static Label text(String id, String style) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        // Wrapped in as many lines as it needs: a VBox would otherwise cut a long text to "…".
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * Puts the panel at the right of {@code root}, shown while {@code toggle} is selected, and
     * words the toggle; its close button deselects the toggle.
     */
    public static LessonPanel install(BorderPane root, ToggleButton toggle, I18n i18n) {
        LessonPanel panel = new LessonPanel(i18n);
        panel.maxWidthProperty().bind(root.widthProperty().multiply(MAX_SHARE));
        toggle.textProperty().bind(i18n.bind("lessonPanel.toggle"));
        toggle.accessibleTextProperty().bind(i18n.bind("lessonPanel.toggle.tip"));
        // The tooltip, a popup window of its own, is made when the pointer first comes.
        toggle.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (toggle.getTooltip() == null) {
                Tooltip t = new Tooltip();
                t.textProperty().bind(i18n.bind("lessonPanel.toggle.tip"));
                toggle.setTooltip(t);
            }
        });
        toggle.selectedProperty().addListener((o, a, b) -> root.setRight(b ? panel : null));
        panel.close.setOnAction(e -> toggle.setSelected(false));
        if (toggle.isSelected()) {
            root.setRight(panel);
        }
        return panel;
    }

    /** Shows the lesson of the program {@code s} has open. */
    public void showSession(Session s) {
        show(SessionLessons.of(s));
    }

    /** Shows {@code n}, with the answer hidden again. */
    public void show(LessonNotes n) {
        notes = n == null ? LessonNotes.NONE : n;
        answerShown = false;
        refresh();
    }

    /** The open program's lesson in the language shown, or null if it has none. */
    public Lesson lesson() {
        return lesson.get();
    }

    /** {@link #lesson()}, which changes when another program opens or the language switches. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The notes shown, in every language, with their problems. */
    public LessonNotes notes() {
        return notes;
    }

    /** Whether the answer is on show. */
    public boolean answerShown() {
        return answerShown;
    }

    private void refresh() {
        Lesson l = notes.in(i18n.locale());
        lesson.set(l);
        heading.setText(i18n.get("lessonPanel.heading"));
        close.setAccessibleText(i18n.get("lessonPanel.close"));
        showsHeading.setText(i18n.get("lessonPanel.shows"));
        watchHeading.setText(i18n.get("lessonPanel.watch"));
        askHeading.setText(i18n.get("lessonPanel.ask"));
        problemsHeading.setText(i18n.get("lessonPanel.problems"));
        List<Node> parts = new java.util.ArrayList<>();
        if (l == null) {
            none.setText(i18n.get("lessonPanel.none"));
            hint.setText(i18n.get("lessonPanel.none.hint"));
            sample.setText(i18n.get("lessonPanel.none.sample"));
            parts.addAll(List.of(none, hint, sample));
        } else {
            add(parts, title, null, l.title());
            add(parts, shows, showsHeading, l.shows());
            add(parts, watch, watchHeading, l.watch());
            if (!l.question().isEmpty()) {
                question.setText(l.question());
                parts.addAll(List.of(askHeading, question));
                if (!l.answer().isEmpty()) {
                    showAnswer.setText(i18n.get(answerShown ? "lessonPanel.hideAnswer" : "lessonPanel.showAnswer"));
                    parts.add(showAnswer);
                    answer.setText(l.answer());
                    if (answerShown) {
                        parts.add(answer);
                    }
                }
            }
        }
        if (!notes.problems().isEmpty()) {
            problems.setText(String.join("\n", notes.problems()));
            parts.addAll(List.of(problemsHeading, problems));
        }
        body.getChildren().setAll(parts);
    }

    /**
     * Scrolls the question and its answer into view, from the top of the panel down: the answer
     * comes last and would otherwise open below the panel's edge, where the end-of-run banner
     * may lie over it.
     */
    private void showQuestionAtTop() {
        scroll.applyCss();
        scroll.layout();
        double content = body.getLayoutBounds().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        double y = askHeading.getBoundsInParent().getMinY();
        scroll.setVvalue(content > view ? Math.min(1, y / (content - view)) : 0);
    }

    private static void add(List<Node> parts, Label label, Label heading, String text) {
        if (text.isEmpty()) {
            return;
        }
        label.setText(text);
        if (heading != null) {
            parts.add(heading);
        }
        parts.add(label);
    }
}
