package dev.eventlanes.ui;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.ui.code.CodePanel;
import dev.eventlanes.ui.code.PasteEditor;
import dev.eventlanes.ui.code.ProgramSaver;
import dev.eventlanes.ui.lanes.LanesView;
import dev.eventlanes.ui.program.ProgramSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The main window's view: binds the FXML controls to {@link MainViewModel}, forwards clicks and
 * keys, and hosts the custom lanes and toggles. No run logic lives here.
 */
public final class MainView {
    /**
     * The zoom's steps, as browsers have them: Ctrl+= and Ctrl+- go from one to the next, so
     * the percentage shown is always a round one and Ctrl+- undoes Ctrl+= exactly.
     */
    static final double[] ZOOM_STEPS = {0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};
    public static final double MIN_ZOOM = ZOOM_STEPS[0];
    public static final double MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];

    private final MainViewModel vm;
    private final I18n i18n;
    private final java.util.function.Supplier<List<Preset>> presets;
    private boolean presetsLoaded;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    /** What the zoom gives each part of the window, for the room there is (see {@link Sizes}). */
    private Sizes sizes = Sizes.of(1, Double.MAX_VALUE);
    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty();
    /** The zoom at the desk, while presenting (presentation has a zoom of its own). */
    private double deskZoom = 1;
    /** The zoom presentation mode last had: sizes for a room, ≥ 20 px text at 1280×800. */
    private double presentZoom = PRESENT_ZOOM;
    static final double PRESENT_ZOOM = 1.75;
    private boolean wasFullScreen;
    /** In presentation mode, above the lanes: the lesson's title and what to watch. */
    private final VBox caption = new VBox();
    private final Label captionTitle = new Label();
    private final Label captionWatch = new Label();
    /** The one line a lesson asks the class to watch, for the program open (null: none). */
    private java.util.function.Function<Session, String> watchLine = s -> null;
    /** The root and what is shown over it. */
    private StackPane frame;
    /** Over the window's foot: the banner (see {@link #initialize}). */
    private VBox bannerLayer;
    private LaneActions laneActions = LaneActions.NONE;
    private LanesView lanes;
    private dev.eventlanes.ui.lanes.Legend legend;
    /** The theme shown; {@link Theme#current()} until the app sets the remembered one. */
    private final javafx.beans.property.ObjectProperty<Theme> theme =
            new javafx.beans.property.SimpleObjectProperty<>(Theme.current());
    private EventsBar eventsBar;
    private AnimationTimer timer;
    private boolean updatingScrubber;
    /** The code panel (see {@link CodePanel}); its text size is remembered as {@value #CODE_TEXT}. */
    private CodePanel codeView;
    static final String CODE_TEXT = "codeText";
    /** Save for a pasted program. */
    private ProgramSaver saver;
    /** Where the code's text size and the last folder saved to are remembered (none until {@link #useSettings}). */
    private Settings settings = new Settings(null);
    /** How long a step's glide lasts; zero when animations are off (tests). */
    static final double STEP_GLIDE_MS = 280;
    private final DoubleProperty shownUnit = new SimpleDoubleProperty(0);
    private javafx.animation.Timeline glide;
    private boolean inTick;
    private boolean redrawPending;
    private final LazyTooltips tips = new LazyTooltips();
    private ToolbarFit toolbarFit;
    private ToolbarFit playbarFit;
    private final org.kordamp.ikonli.javafx.FontIcon playIcon = new org.kordamp.ikonli.javafx.FontIcon();

    @FXML private BorderPane root;
    @FXML private VBox topBox;
    @FXML private HBox eventsRow;
    @FXML private VBox lanesBlock;
    @FXML private VBox codePanel;
    @FXML private HBox statusBar;
    @FXML private javafx.scene.control.ToggleButton outputToggle;
    @FXML private Button presentButton;
    @FXML private MenuButton keyButton;
    @FXML private MenuButton exportMenu;
    @FXML private ToolBar toolbar;
    @FXML private ToolBar playbar;
    @FXML private MenuButton presetsMenu;
    @FXML private Button openButton;
    @FXML private Button pasteButton;
    @FXML private Button saveButton;
    @FXML private Label semanticsLabel;
    @FXML private ChoiceBox<Semantics> semanticsBox;
    @FXML private Button resetButton;
    @FXML private Button stepBackButton;
    @FXML private Button playButton;
    @FXML private Button stepButton;
    @FXML private Button stepLineButton;
    @FXML private Label speedLabel;
    @FXML private Slider speedSlider;
    @FXML private Button zoomButton;
    @FXML private Label speedValue;
    @FXML private Button addTaskButton;
    @FXML private Button addEventButton;
    @FXML private ComboBox<Locale> languageBox;
    @FXML private javafx.scene.control.ToggleButton lessonToggle;
    /** The open program's lesson notes, at the window's right while "Lesson" is on. */
    private dev.eventlanes.ui.lesson.LessonPanel lessonPanel;
    @FXML private MenuButton themeMenu;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button bannerClose;
    @FXML private Label eventsTitle;
    @FXML private StackPane eventsHost;
    @FXML private SplitPane verticalSplit;
    @FXML private SplitPane horizontalSplit;
    @FXML private StackPane lanesHost;
    @FXML private Slider scrubber;
    @FXML private StackPane legendHost;
    @FXML private Label codeTitle;
    @FXML private StackPane codeHost;
    @FXML private TabPane bottomTabs;
    @FXML private Tab outputTab;
    @FXML private Tab problemsTab;
    @FXML private ListView<MainViewModel.OutputLine> outputList;
    @FXML private ListView<ProgramSource.Problem> problemsList;
    @FXML private Label timeLabel;
    @FXML private Label stepLabel;
    @FXML private Label sentenceLabel;

    /** What lane action menus and + Task / + Event / Save do; click-built scenarios provide them. */
    public interface LaneActions {
        LaneActions NONE = new LaneActions() {
        };

        /** The action menu for a lane, or null. */
        default Node menuFor(int task, MainViewModel vm) {
            return null;
        }

        default void addTask(MainViewModel vm, Stage owner) {
        }

        default void addEvent(MainViewModel vm, Stage owner) {
        }

        default void save(MainViewModel vm, Stage owner) {
        }

        default boolean canEdit(MainViewModel vm) {
            return false;
        }
    }

    /**
     * @param presets the presets menu's entries, asked for when the menu is first opened (reading
     *     them parses every preset file, which start-up need not wait for)
     */
    public MainView(MainViewModel vm, java.util.function.Supplier<List<Preset>> presets) {
        this.vm = vm;
        this.i18n = vm.i18n();
        this.presets = presets;
    }

    /** Loads the FXML with this view as its controller and returns the root. */
    public Parent load() {
        Theme.useCurrentIfNone();
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("/fxml/MainView.fxml"));
        loader.setController(this);
        // Every element has a no-argument constructor: the default builder factory would search
        // each class's constructors for @NamedArg first, reflection start-up need not pay for.
        loader.setBuilderFactory(type -> null);
        try {
            Parent p = loader.load();
            // The window's layers: its layout, and above it what is shown over it (the keys).
            frame = new StackPane(p, bannerLayer);
            frame.setId("frame");
            URL css = MainView.class.getResource("/css/event-lanes.css");
            // The theme's colours first: the style sheet is written in them.
            frame.getStylesheets().addAll(theme.get().palette().stylesheet(), css.toExternalForm());
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setLaneActions(LaneActions actions) {
        this.laneActions = actions;
        IntFunction<Node> f = t -> laneActions.canEdit(vm) ? laneActions.menuFor(t, vm) : null;
        lanes.setActionsFactory(f);
        refreshEditable();
        redraw();
    }

    @FXML
    private void initialize() {
        codeView = new CodePanel(i18n);
        codeHost.getChildren().add(codeView);
        codeView.textScaleProperty().addListener((o, a, b) -> {
            settings.putDouble(CODE_TEXT, b.doubleValue());
            settings.save();
        });
        saver = new ProgramSaver(i18n, settings, this::styleDialog);
        lanes = new LanesView(i18n);
        lanes.setId("lanes");
        lanesHost.getChildren().add(lanes);
        clearCoveredBackgrounds();
        legend = new dev.eventlanes.ui.lanes.Legend(i18n);
        legendHost.getChildren().add(legend);
        eventsBar = new EventsBar(i18n, vm::clickEvent);
        eventsBar.setId("events");
        javafx.scene.control.ScrollPane eventsScroll = new javafx.scene.control.ScrollPane(eventsBar);
        eventsScroll.setFitToHeight(true);
        eventsScroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        eventsScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        eventsScroll.getStyleClass().add("events-scroll");
        eventsScroll.setFocusTraversable(false);
        // The scroll pane caches its viewport as one image, which every toggle that flips while
        // playing would invalidate: all toggles redrawn into it, then it drawn, each frame.
        // Nor do the scroll pane and its viewport paint a background under the row's own (see
        // clearCoveredBackgrounds): a transparent fill is still a fill in software rendering.
        eventsScroll.setBackground(null);
        eventsScroll.skinProperty().addListener((o, a, b) -> {
            if (eventsScroll.lookup(".viewport") instanceof javafx.scene.layout.Region viewport) {
                viewport.setCache(false);
                viewport.setBackground(null);
            }
        });
        eventsHost.getChildren().add(eventsScroll);
        // Before the program makes its first Event, the row says what will appear in it.
        Label noEvents = new Label();
        noEvents.setId("noEvents");
        noEvents.getStyleClass().add(Styles.EVENTS_NONE);
        noEvents.textProperty().bind(i18n.bind("events.none"));
        noEvents.setMouseTransparent(true);
        noEvents.visibleProperty().bind(eventsBar.shownCountProperty().isEqualTo(0));
        eventsHost.getChildren().add(noEvents);
        // Toggles out of view are brought up to date when scrolled to (see EventsBar).
        // Worked out from the scroll position as the scroll pane places the row: the viewport's
        // bounds it reports follow a scroll only at its next layout, and a toggle scrolled into
        // view must be in the scene, and up to date, at once.
        Runnable inView = () -> {
            double w = eventsScroll.getViewportBounds().getWidth();
            double range = eventsScroll.getHmax() - eventsScroll.getHmin();
            double x = range > 0 ? (eventsScroll.getHvalue() - eventsScroll.getHmin()) / range
                    * Math.max(0, eventsBar.getWidth() - w) : 0;
            eventsBar.setVisibleRange(x, x + w);
        };
        eventsScroll.viewportBoundsProperty().addListener(o -> inView.run());
        eventsScroll.hvalueProperty().addListener(o -> inView.run());
        eventsBar.widthProperty().addListener(o -> inView.run());
        // Never squeeze the toggles under the scroll bar: when they do not fit, the viewport stays
        // a toggle high and the bar comes below it. When they fit, no room is kept for a bar (a
        // minimum viewport height makes the scroll pane keep it, so the row grew by a scroll
        // bar's height at the first click of a toggle).
        Runnable fitEvents = () -> {
            javafx.geometry.Insets in = eventsScroll.getInsets();
            boolean overflow = eventsBar.prefWidth(-1) > eventsScroll.getWidth() - in.getLeft() - in.getRight();
            eventsScroll.setMinViewportHeight(overflow ? eventsBar.prefHeight(-1) : 0);
        };
        eventsBar.layoutBoundsProperty().addListener((o, a, b) -> fitEvents.run());
        eventsScroll.widthProperty().addListener((o, a, b) -> fitEvents.run());
        // The lanes' scale is set with the other sizes (applySizes), for the room there is.
        lanes.selectedTaskProperty().bindBidirectional(vm.selectedTaskProperty());
        lanes.setOnPick(vm::pick);
        lessonPanel = dev.eventlanes.ui.lesson.LessonPanel.install(root, lessonToggle, i18n);
        setWatchLine(s -> {
            dev.eventlanes.lesson.Lesson l = lessonOf(s);
            return l == null ? null : l.watch();
        });

        texts();
        i18n.localeProperty().addListener((o, a, b) -> {
            // Chinese in a family with a bold face (see Styles.uiFamily).
            applyZoom();
            texts();
            title();
            codeView.invalidateGutter();
            redraw();
            outputList.refresh();
            problemsList.refresh();
        });

        // Presets, after a blank click-built scenario.
        MenuItem blank = new MenuItem();
        blank.setId("preset-blank");
        blank.textProperty().bind(i18n.bind("menu.blank"));
        blank.setOnAction(e -> openSession(PresetCatalog.blank(vm.semanticsProperty().get())));
        blank.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                Sizes.font(Sizes.of(zoom.get(), 0).chrome()), zoom));
        presetsMenu.getItems().addAll(blank, new javafx.scene.control.SeparatorMenuItem());
        presetsMenu.setOnShowing(e -> loadPresets());

        // Semantics.
        semanticsBox.setItems(FXCollections.observableArrayList(Semantics.ANYIO, Semantics.ASYNCIO, Semantics.TRIO));
        semanticsBox.valueProperty().bindBidirectional(vm.semanticsProperty());

        // Speed: the slider is log2 of the speed, so 0.25x..8x are evenly spaced.
        speedSlider.setValue(log2(vm.speedProperty().get()));
        speedSlider.valueProperty().addListener((o, a, b) -> {
            // Near a doubling (1x, 2x, 0.5x ...) the slider lands on it, so 1x is easy to get back to.
            double v = b.doubleValue();
            double near = Math.rint(v);
            if (v != near && Math.abs(v - near) < SPEED_SNAP) {
                speedSlider.setValue(near);
                return;
            }
            vm.speedProperty().set(Math.pow(2, v));
        });
        speedSlider.setBlockIncrement(0.5);
        vm.speedProperty().addListener((o, a, b) -> {
            if (Math.abs(log2(b.doubleValue()) - speedSlider.getValue()) > 1e-9) {
                speedSlider.setValue(log2(b.doubleValue()));
            }
            speedText();
        });
        speedText();

        // Language.
        languageBox.setItems(FXCollections.observableArrayList(I18n.SUPPORTED));
        languageBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : I18n.CHINESE.equals(l) ? "中文" : "English";
            }

            @Override
            public Locale fromString(String s) {
                return "中文".equals(s) ? I18n.CHINESE : I18n.ENGLISH;
            }
        });
        languageBox.setValue(i18n.locale());
        languageBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                i18n.setLocale(b);
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> languageBox.setValue(b));
        ThemeChooser.install(themeMenu, theme, i18n, zoom);
        theme.addListener((o, a, b) -> showTheme(b));

        // Banner.
        // The banner lies over the status bar, at the foot of the window, instead of coming
        // between the events and the lanes: at the end of a run it pushed every lane down by its
        // height (and over the lanes it would hide the last lane).
        topBox.getChildren().remove(banner);
        bannerLayer = new VBox(banner);
        bannerLayer.setAlignment(Pos.BOTTOM_CENTER);
        bannerLayer.setFillWidth(true);
        bannerLayer.setPickOnBounds(false);
        bannerLayer.getStyleClass().add("event-lanes");
        banner.minHeightProperty().bind(statusBar.heightProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.visibleProperty().addListener((o, a, b) -> {
            if (b) {
                slideBannerIn();
            }
        });
        bannerText.textProperty().bind(vm.bannerProperty());
        vm.bannerErrorProperty().addListener((o, a, b) -> banner.pseudoClassStateChanged(Styles.ERROR, b));
        banner.pseudoClassStateChanged(Styles.ERROR, vm.bannerErrorProperty().get());
        vm.refusalsProperty().addListener((o, a, b) -> eventsBar.shake(vm.refusedEventProperty().get()));

        // Play button shows what it will do.
        vm.playingProperty().addListener((o, a, b) -> {
            if (b) {
                lanes.followPlayhead();
            }
            texts();
            if (!b && vm.timeline() != null) {
                showScrubber();
            }
        });

        // Scrubber.
        scrubber.setMin(0);
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (!updatingScrubber) {
                vm.pause();
                vm.scrubTo((int) Math.round(b.doubleValue()));
            }
        });

        // Output and problems.
        outputList.setItems(vm.output());
        outputList.setCellFactory(l -> new OutputCell());
        problemsList.setItems(vm.problems());
        // Built into its tab on first view: until a program fails to open there is nothing in it.
        problemsTab.selectedProperty().addListener((o, a, b) -> {
            if (b && problemsTab.getContent() == null) {
                problemsTab.setContent(problemsList);
            }
        });
        problemsList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProgramSource.Problem p, boolean empty) {
                super.updateItem(p, empty);
                pseudoClassStateChanged(Styles.ERROR, !empty && p != null);
                setText(empty || p == null ? null : p.line() > 0
                        ? i18n.get("problem.line", p.line(), p.message()) : i18n.get("problem.noLine", p.message()));
            }
        });
        vm.problems().addListener((javafx.collections.ListChangeListener<ProgramSource.Problem>) c -> {
            if (!vm.problems().isEmpty()) {
                bottomTabs.getSelectionModel().select(problemsTab);
            }
            texts();
        });
        vm.output().addListener((javafx.collections.ListChangeListener<MainViewModel.OutputLine>) c -> showNewestOutput());
        outputList.heightProperty().addListener((o, was, now) -> keepNewestOutputOnResize(was.doubleValue(), now.doubleValue()));
        // The output tab's list joins the window only once the tabs are laid out: a run moved on
        // before that (a window opened at a later moment, render --window) shows its newest line then.
        outputList.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                showNewestOutput();
            }
        });
        vm.selectedTaskProperty().addListener((o, a, b) -> {
            redraw();
            revealSelectedLine();
        });
        vm.selectedRowProperty().addListener((o, a, b) -> {
            redraw();
            if (b.intValue() > 0) {
                codeView.revealLine(b.intValue());
            } else {
                revealSelectedLine();
            }
        });
        vm.semanticsProperty().addListener((o, a, b) -> eventsBar.setSemantics(b));
        eventsBar.setSemantics(vm.semanticsProperty().get());

        // Status bar.
        vm.timeTextProperty().addListener((o, a, b) -> showStatus());
        vm.stepTextProperty().addListener((o, a, b) -> showStatus());
        vm.statusProperty().addListener((o, a, b) -> showStatus());
        showStatus();
        HBox.setHgrow(sentenceLabel, Priority.ALWAYS);

        vm.positionProperty().addListener((o, a, b) -> redraw());
        vm.displayUnitProperty().addListener((o, a, b) -> glideTo(a.doubleValue(), b.doubleValue()));
        shownUnit.addListener((o, a, b) -> {
            if (inTick) {
                redrawPending = true;
            } else if (vm.timeline() != null) {
                lanes.show(vm.timeline(), vm.positionProperty().get(), b.doubleValue());
            }
        });
        vm.revisionProperty().addListener((o, a, b) -> redraw());

        // Zoom the whole window: every CSS size is in em.
        zoom.addListener((o, a, b) -> {
            applyZoom();
            zoomText();
            // The badge column is measured in the new size once the style sheet has applied it.
            codeView.invalidateGutter();
            redraw();
        });
        // A taller or shorter window has another room for the lanes; so has a narrower lanes
        // column in presentation mode, where the lesson's line above the lanes may wrap.
        root.heightProperty().addListener((o, a, b) -> applySizes());
        lanesBlock.widthProperty().addListener((o, a, b) -> {
            if (presenting.get()) {
                applySizes();
            }
        });
        setUpPresentation();
        setUpToolbars();
        applyZoom();

        timer = new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                if (last >= 0 && vm.playingProperty().get()) {
                    // One tick changes position, revision and playhead: draw once for all three.
                    inTick = true;
                    try {
                        vm.tick(Math.min(0.1, (now - last) / 1e9));
                    } finally {
                        inTick = false;
                    }
                    if (redrawPending) {
                        redrawPending = false;
                        redraw();
                    }
                }
                last = now;
            }
        };
        timer.start();
        // Texts and ranges that change on every frame while playing lay out only themselves.
        LayoutFence.around(root.getBottom());
        LayoutFence.around(scrubber);
        // A toggle's text changes its width, and so the events row's preferred width, several
        // times a second: the row has the window's width whatever it prefers.
        LayoutFence.around(eventsScroll);
        root.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                installKeys(b);
            }
        });
    }

    /** The status line's texts: the view model changes them at most ten times a second while playing. */
    private void showStatus() {
        timeLabel.setText(vm.timeTextProperty().get());
        stepLabel.setText(vm.stepTextProperty().get());
        sentenceLabel.setText(vm.statusProperty().get());
        // The bar keeps two lines; a longer sentence ends in "…" and is whole in the tooltip.
        tips.set(sentenceLabel, vm.statusProperty().get());
    }

    private void loadPresets() {
        if (presetsLoaded) {
            return;
        }
        presetsLoaded = true;
        // Python programs first; the scenario files (the same lessons as data) in a submenu.
        javafx.scene.control.Menu scenarios = new javafx.scene.control.Menu();
        scenarios.setId("preset-scenarios");
        scenarios.textProperty().bind(i18n.bind("menu.presets.scenarios"));
        for (Preset p : presets.get()) {
            MenuItem item = new MenuItem(p.title());
            String key = presetTitleKey(p.name());
            if (i18n.has(key)) {
                item.textProperty().bind(i18n.bind(key));
            }
            // Titles name Python functions (move_on_after): an underscore is not a mnemonic here.
            item.setMnemonicParsing(false);
            item.setId("preset-" + p.name().replace(' ', '-').replace(':', '-'));
            item.setOnAction(e -> openSession(p.open().get()));
            item.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                    Sizes.font(Sizes.of(zoom.get(), 0).chrome()), zoom));
            if (p.name().startsWith(PresetCatalog.PY)) {
                presetsMenu.getItems().add(item);
            } else {
                scenarios.getItems().add(item);
            }
        }
        if (!scenarios.getItems().isEmpty()) {
            scenarios.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                    Sizes.font(Sizes.of(zoom.get(), 0).chrome()), zoom));
            presetsMenu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), scenarios);
        }
    }

    /** How close to a doubling of the speed the slider snaps to it (log2 units). */
    static final double SPEED_SNAP = 0.12;

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private void speedText() {
        double s = vm.speedProperty().get();
        String v = s >= 1 ? Loop.formatTime(Math.round(s * 100) / 100.0).replaceAll("\\.0$", "")
                : Loop.formatTime(Math.round(s * 100) / 100.0);
        speedValue.setText(i18n.get("speed.value", v));
        speedSlider.setAccessibleText(i18n.get("speed.tip") + ": " + speedValue.getText());
    }

    /** The zoom's percentage, beside the speed; a click sets 100 %. */
    private void zoomText() {
        String pct = i18n.get("zoom.value", Math.round(zoom.get() * 100));
        zoomButton.setText(pct);
        zoomButton.setAccessibleText(i18n.get("zoom.tip") + ": " + pct);
    }

    @FXML
    private void onZoomReset() {
        zoomReset();
    }

    private String familyStyle() {
        String family = Styles.uiFamily(i18n.locale());
        return family == null ? "" : "-fx-font-family: \"" + family + "\";";
    }

    private void applyZoom() {
        applySizes();
    }

    /**
     * Sizes every part for the zoom and the room there is (see {@link Sizes}): the chrome first,
     * so that what is left for the lanes can be measured; then the lanes, as big as the zoom asks
     * while three of them and the ruler fit; and the divider above the output moved down if the
     * lanes need it. Called when the zoom, the window's height or presentation mode changes.
     */
    private void applySizes() {
        Sizes first = Sizes.of(zoom.get(), Double.MAX_VALUE);
        String family = familyStyle();
        root.setStyle(Sizes.font(first.chrome()) + family);
        String panels = Sizes.font(first.panels());
        eventsRow.setStyle(panels);
        banner.setStyle(panels + family);
        legendHost.setStyle(Sizes.font(first.chrome()));
        bottomTabs.setStyle(panels);
        caption.setStyle(panels);
        lessonPanel.setStyle(panels);
        codePanel.setStyle(Sizes.font(first.code()));
        double centre = centreHeight();
        boolean output = verticalSplit.getItems().size() > 1;
        // The output panel keeps its tabs and two lines; the divider between takes a few pixels.
        double outputLeast = output ? Sizes.BASE_FONT * first.panels() * 5.5 + SPLIT_DIVIDER : 0;
        double lanesBlockMax = Math.max(0, centre - outputLeast);
        double w = lanesBlock.getWidth() > 0 ? lanesBlock.getWidth() : -1;
        double fixed = scrubber.prefHeight(-1) + (caption.isManaged() ? caption.prefHeight(w) : 0) + 4;
        // The key below the lanes makes way for them when they would be drawn smaller than the
        // zoom asks; the Key button then shows it as a pop-up.
        double legend = legendHost.prefHeight(w);
        Sizes withKey = Sizes.of(zoom.get(), lanesBlockMax - fixed - legend);
        Sizes withoutKey = Sizes.of(zoom.get(), lanesBlockMax - fixed);
        boolean keyShown = !presenting.get() && (withKey.lanes() >= zoom.get() - 1e-9 || withoutKey.lanes() <= withKey.lanes());
        show(legendHost, keyShown);
        show(keyButton, !keyShown);
        sizes = keyShown ? withKey : withoutKey;
        fixed += keyShown ? legend : 0;
        lanes.setStyle(Sizes.font(sizes.lanes()));
        lanes.scaleProperty().set(sizes.lanes());
        sizeIcons();
        fitToolbars();
        if (centre > 0 && centre < Double.MAX_VALUE && output) {
            double usable = centre - SPLIT_DIVIDER;
            double want = (Sizes.lanesHeightAtOne() * sizes.lanes() + fixed) / usable;
            double most = lanesBlockMax / usable;
            verticalSplit.setDividerPositions(Math.min(most, Math.max(DESK_DIVIDER, want)));
        }
    }

    // ------------------------------------------------------------------ toolbars

    private void setUpToolbars() {
        icon(presetsMenu, org.kordamp.ikonli.materialdesign2.MaterialDesignF.FORMAT_LIST_BULLETED);
        icon(openButton, org.kordamp.ikonli.materialdesign2.MaterialDesignF.FOLDER_OPEN);
        icon(pasteButton, org.kordamp.ikonli.materialdesign2.MaterialDesignC.CONTENT_PASTE);
        icon(saveButton, org.kordamp.ikonli.materialdesign2.MaterialDesignC.CONTENT_SAVE);
        icon(exportMenu, org.kordamp.ikonli.materialdesign2.MaterialDesignE.EXPORT);
        setUpExport();
        icon(addTaskButton, org.kordamp.ikonli.materialdesign2.MaterialDesignP.PLAYLIST_PLUS);
        icon(addEventButton, org.kordamp.ikonli.materialdesign2.MaterialDesignT.TOGGLE_SWITCH_OFF_OUTLINE);
        icon(resetButton, org.kordamp.ikonli.materialdesign2.MaterialDesignS.SKIP_PREVIOUS);
        icon(stepBackButton, org.kordamp.ikonli.materialdesign2.MaterialDesignS.STEP_BACKWARD);
        playIcon.getStyleClass().add("el-icon");
        playButton.setGraphic(playIcon);
        icon(stepButton, org.kordamp.ikonli.materialdesign2.MaterialDesignS.STEP_FORWARD);
        icon(stepLineButton, org.kordamp.ikonli.materialdesign2.MaterialDesignD.DEBUG_STEP_OVER);
        icon(outputToggle, org.kordamp.ikonli.materialdesign2.MaterialDesignC.CONSOLE_LINE);
        icon(keyButton, org.kordamp.ikonli.materialdesign2.MaterialDesignM.MAP_LEGEND);
        icon(presentButton, org.kordamp.ikonli.materialdesign2.MaterialDesignP.PRESENTATION_PLAY);
        icon(lessonToggle, org.kordamp.ikonli.materialdesign2.MaterialDesignS.SCHOOL_OUTLINE);
        toolbarFit = new ToolbarFit(toolbar, this::fixWidths).caption(semanticsLabel)
                .first(addTaskButton, addEventButton, exportMenu, saveButton, pasteButton, openButton, lessonToggle);
        playbarFit = new ToolbarFit(playbar, this::fixWidths).caption(speedLabel)
                .first(presentButton, keyButton, outputToggle, resetButton, stepBackButton, stepLineButton);
    }

    private static void icon(javafx.scene.control.Labeled c, org.kordamp.ikonli.Ikon ikon) {
        org.kordamp.ikonli.javafx.FontIcon i = new org.kordamp.ikonli.javafx.FontIcon(ikon);
        i.getStyleClass().add("el-icon");
        c.setGraphic(i);
    }

    /** The toolbars' icons at the chrome's size (an icon's size is in pixels, not em). */
    private void sizeIcons() {
        int px = (int) Math.round(Sizes.BASE_FONT * sizes.chrome() * 1.15);
        for (ToolBar bar : new ToolBar[] {toolbar, playbar}) {
            for (Node n : bar.getItems()) {
                if (n instanceof javafx.scene.control.Labeled l && l.getGraphic() instanceof org.kordamp.ikonli.javafx.FontIcon i) {
                    i.setIconSize(px);
                }
            }
        }
    }

    /** Fits the toolbars to their width: words, or icons alone (see {@link ToolbarFit}). */
    private void fitToolbars() {
        if (toolbarFit != null) {
            toolbarFit.fit();
            playbarFit.fit();
        }
    }

    /**
     * Widths that do not change with what a control shows, so nothing beside it moves: Play is as
     * wide as Pause, the library chooser as wide as its widest library.
     */
    private void fixWidths() {
        boolean playing = vm.playingProperty().get();
        String shown = playButton.getText();
        org.kordamp.ikonli.Ikon shownIcon = playIcon.getIconCode();
        double widest = 0;
        for (boolean p : new boolean[] {false, true}) {
            playButton.setText(playText(p));
            playIcon.setIconCode(playIconFor(p));
            playButton.applyCss();
            playButton.setMinWidth(Region.USE_COMPUTED_SIZE);
            playButton.setPrefWidth(Region.USE_COMPUTED_SIZE);
            widest = Math.max(widest, playButton.prefWidth(-1));
        }
        playButton.setText(shown);
        playIcon.setIconCode(shownIcon == null ? playIconFor(playing) : shownIcon);
        // Play is the biggest target of the row.
        widest = Math.max(widest, PLAY_MIN_EM * playButton.getFont().getSize());
        playButton.setMinWidth(widest);
        playButton.setPrefWidth(widest);
        semanticsBox.applyCss();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(semanticsBox.lookup(".label") instanceof javafx.scene.control.Labeled l ? l.getFont() : playButton.getFont());
        double shownWidth = 0;
        double most = 0;
        for (Semantics sem : semanticsBox.getItems()) {
            probe.setText(semanticsBox.getConverter() != null ? semanticsBox.getConverter().toString(sem) : String.valueOf(sem));
            double w = probe.getLayoutBounds().getWidth();
            most = Math.max(most, w);
            if (sem == semanticsBox.getValue()) {
                shownWidth = w;
            }
        }
        semanticsBox.setMinWidth(Region.USE_COMPUTED_SIZE);
        semanticsBox.setPrefWidth(Region.USE_COMPUTED_SIZE);
        double box = semanticsBox.prefWidth(-1) + most - shownWidth;
        semanticsBox.setMinWidth(box);
        semanticsBox.setPrefWidth(box);
    }

    static final double PLAY_MIN_EM = 6.5;

    private String playText(boolean playing) {
        return i18n.get(playing ? "action.pause" : "action.play");
    }

    private static org.kordamp.ikonli.Ikon playIconFor(boolean playing) {
        return playing ? org.kordamp.ikonli.materialdesign2.MaterialDesignP.PAUSE
                : org.kordamp.ikonli.materialdesign2.MaterialDesignP.PLAY;
    }

    // ------------------------------------------------------------------ presentation

    private static final PseudoClass PRESENTING = PseudoClass.getPseudoClass("presenting");

    private void setUpPresentation() {
        javafx.scene.control.CustomMenuItem key = new javafx.scene.control.CustomMenuItem(
                new dev.eventlanes.ui.lanes.Legend(i18n), false);
        key.getStyleClass().add("key-popup");
        keyButton.getItems().add(key);
        keyButton.textProperty().bind(i18n.bind("legend.title"));
        caption.getStyleClass().add("lesson-caption");
        caption.setId("lessonCaption");
        captionTitle.setId("lessonTitle");
        captionTitle.getStyleClass().add("lesson-title");
        captionWatch.setId("lessonWatch");
        captionWatch.getStyleClass().add("lesson-watch");
        captionWatch.setWrapText(true);
        caption.getChildren().addAll(captionTitle, captionWatch);
        caption.setFillWidth(true);
        show(caption, false);
        lanesBlock.getChildren().add(0, caption);
        outputToggle.selectedProperty().addListener((o, a, b) -> {
            showOutput(b);
            applySizes();
        });
    }

    private static void show(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    /** The output panel in or out of the window (presentation mode leaves it out unless asked). */
    private void showOutput(boolean shown) {
        boolean in = verticalSplit.getItems().contains(bottomTabs);
        if (shown && !in) {
            verticalSplit.getItems().add(bottomTabs);
            verticalSplit.setDividerPositions(DESK_DIVIDER);
        } else if (!shown && in) {
            verticalSplit.getItems().remove(bottomTabs);
        }
    }

    public javafx.beans.property.ReadOnlyBooleanProperty presentingProperty() {
        return presenting;
    }

    /**
     * Presentation mode (F5, the Present button; Esc leaves): the window fills the screen, the
     * toolbars shrink to the transport row, the key and the output make way (the output comes
     * back with its toggle), the lesson's title and what to watch sit above the lanes, and the
     * zoom is presentation's own (175 % at first: lane names, ruler, marks and code at 20 px or
     * more on 1280×800). Leaving puts the desk back as it was.
     */
    public void togglePresentation() {
        boolean on = !presenting.get();
        presenting.set(on);
        root.pseudoClassStateChanged(PRESENTING, on);
        show(toolbar, !on);
        show(outputToggle, on);
        show(caption, on);
        if (on) {
            outputToggle.setSelected(false);
            showOutput(false);
            updateCaption();
        } else {
            showOutput(true);
        }
        Stage st = window();
        if (st != null) {
            if (on) {
                wasFullScreen = st.isFullScreen();
                // Esc leaves presentation mode (and full screen with it), not only full screen.
                st.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
                st.setFullScreenExitHint("");
                st.setFullScreen(true);
            } else {
                st.setFullScreen(wasFullScreen);
                st.setFullScreenExitKeyCombination(null);
                st.setFullScreenExitHint(null);
            }
        }
        double before = zoom.get();
        if (on) {
            deskZoom = before;
            zoom.set(presentZoom);
        } else {
            presentZoom = before;
            zoom.set(deskZoom);
        }
        if (zoom.get() == before) {
            applySizes();
        }
        texts();
        redraw();
    }

    /** The zoom at the desk (what is remembered for the next launch), also while presenting. */
    public double deskZoom() {
        return presenting.get() ? deskZoom : zoom.get();
    }

    @FXML
    private void onPresent() {
        togglePresentation();
    }

    /** Sets where the lesson's one line to watch comes from (the lesson notes). */
    public void setWatchLine(java.util.function.Function<Session, String> f) {
        watchLine = f;
        updateCaption();
    }

    private void updateCaption() {
        // A program's own lesson title ("# Lesson: ..."), else its title as the window shows it.
        dev.eventlanes.lesson.Lesson lesson = vm.session() == null ? null : lessonOf(vm.session());
        captionTitle.setText(lesson != null && !lesson.title().isEmpty() ? lesson.title() : shownTitle());
        String watch = vm.session() == null ? null : watchLine.apply(vm.session());
        captionWatch.setText(watch == null ? "" : i18n.get("lesson.watch", watch));
        show(captionWatch, watch != null && !watch.isBlank() && presenting.get());
    }

    /** Where the divider above the output sits unless the lanes need more room. */
    static final double DESK_DIVIDER = 0.72;

    /** A split pane's divider, in pixels (Modena's, with room to spare). */
    private static final double SPLIT_DIVIDER = 10;

    /**
     * The height of the window's centre (the split panes): the window's, less the toolbars and
     * events above and the status bar below. Measured from the chrome's sizes as just set, so it
     * is right before the next layout.
     */
    private double centreHeight() {
        if (root.getScene() == null || root.getHeight() <= 0) {
            return Double.MAX_VALUE;
        }
        root.applyCss();
        double w = root.getWidth();
        return root.getHeight() - topBox.prefHeight(w) - statusBar.prefHeight(w);
    }

    /** How long the banner takes to open (see {@link #slideBannerIn}). */
    static final double BANNER_MILLIS = 220;
    private javafx.animation.Timeline bannerSlide;

    /**
     * The banner opens downwards instead of appearing at once. It comes between the events and
     * the lanes, so the lanes make room for it: at the end of a run the class saw them jump down
     * by its height; now they glide.
     */
    private void slideBannerIn() {
        if (bannerSlide != null) {
            bannerSlide.stop();
            bannerSlide = null;
            openBanner();
        }
        if (!Animations.enabled()) {
            return;
        }
        double w = banner.getWidth() > 0 ? banner.getWidth() : root.getWidth();
        // It covers the status bar at least (see initialize).
        double h = Math.max(banner.prefHeight(w), statusBar.getHeight());
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(banner.widthProperty());
        clip.heightProperty().bind(banner.heightProperty());
        banner.setClip(clip);
        banner.minHeightProperty().unbind();
        banner.setMinHeight(0);
        banner.setMaxHeight(0);
        bannerSlide = new javafx.animation.Timeline(new javafx.animation.KeyFrame(Animations.duration(BANNER_MILLIS),
                new javafx.animation.KeyValue(banner.maxHeightProperty(), h, javafx.animation.Interpolator.EASE_OUT)));
        bannerSlide.setOnFinished(e -> {
            bannerSlide = null;
            openBanner();
        });
        bannerSlide.play();
    }

    /** The banner at its own height, whatever its words (a longer one wraps). */
    private void openBanner() {
        banner.setMaxHeight(Region.USE_COMPUTED_SIZE);
        banner.minHeightProperty().bind(statusBar.heightProperty());
        banner.setClip(null);
    }

    /** The banner's opening, while it runs (tests). */
    javafx.animation.Timeline bannerSlide() {
        return bannerSlide;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The window's theme: the chooser beside the language, and T, set it; the app remembers it. */
    public javafx.beans.property.ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /**
     * Dresses the window in theme t: AtlantaFX's controls (for every window there is), the
     * style sheet's colours (for this window and its dialogs from now on), the lanes, their key
     * and the code's tints, which are drawn by code.
     */
    private void showTheme(Theme t) {
        Theme.use(t);
        frame.getStylesheets().set(0, t.palette().stylesheet());
        if (root.getScene() != null) {
            root.getScene().setFill(Styles.windowBackground());
        }
        lanes.setPalette(t.palette());
        legend.setPalette(t.palette());
        // The key's copy in the Key button, when the key has made way for the lanes.
        for (MenuItem item : keyButton.getItems()) {
            if (item instanceof javafx.scene.control.CustomMenuItem c
                    && c.getContent() instanceof dev.eventlanes.ui.lanes.Legend l) {
                l.setPalette(t.palette());
            }
        }
        codeView.restyle();
    }

    public void zoomIn() {
        for (double z : ZOOM_STEPS) {
            if (z > zoom.get() + 1e-9) {
                zoom.set(z);
                return;
            }
        }
    }

    public void zoomOut() {
        for (int i = ZOOM_STEPS.length - 1; i >= 0; i--) {
            if (ZOOM_STEPS[i] < zoom.get() - 1e-9) {
                zoom.set(ZOOM_STEPS[i]);
                return;
            }
        }
    }

    /** Ctrl+0: the window's own size again. */
    public void zoomReset() {
        zoom.set(1.0);
    }

    /** Sets every visible text, tooltip and accessible text from the bundle. */
    private void texts() {
        label(presetsMenu, "menu.presets", "menu.presets.tip");
        label(openButton, "action.open", "action.open.tip");
        label(pasteButton, "action.paste", "action.paste.tip");
        label(saveButton, "action.save", "action.save.tip");
        label(exportMenu, "action.export", "action.export.tip");
        semanticsLabel.setText(i18n.get("semantics.label"));
        tip(semanticsBox, "semantics.tip");
        label(resetButton, "action.reset", "action.reset.tip");
        label(stepBackButton, "action.stepBack", "action.stepBack.tip");
        boolean playing = vm.playingProperty().get();
        label(playButton, playing ? "action.pause" : "action.play", "action.play.tip");
        playIcon.setIconCode(playIconFor(playing));
        label(stepButton, "action.step", "action.step.tip");
        label(stepLineButton, "action.stepLine", "action.stepLine.tip");
        speedLabel.setText(i18n.get("speed.label"));
        tip(speedSlider, "speed.tip");
        tip(zoomButton, "zoom.tip");
        zoomText();
        boolean on = presenting.get();
        label(presentButton, on ? "action.presentLeave" : "action.present", "action.present.tip");
        label(outputToggle, "output.title", "output.toggle.tip");
        tip(keyButton, "legend.tip");
        if (presentButton.getGraphic() instanceof org.kordamp.ikonli.javafx.FontIcon pi) {
            pi.setIconCode(on ? org.kordamp.ikonli.materialdesign2.MaterialDesignF.FULLSCREEN_EXIT
                    : org.kordamp.ikonli.materialdesign2.MaterialDesignP.PRESENTATION_PLAY);
        }
        // New words may not fit where the old ones did.
        fitToolbars();
        label(addTaskButton, "action.addTask", "action.addTask.tip");
        label(addEventButton, "action.addEvent", "action.addEvent.tip");
        tip(languageBox, "language.tip");
        label(themeMenu, "theme.label", "theme.tip");
        tip(scrubber, "scrubber.tip");
        eventsTitle.setText(i18n.get("events.title"));
        eventsHost.setAccessibleText(i18n.get("events.tip"));
        bannerClose.setAccessibleText(i18n.get("banner.dismiss"));
        tips.set(bannerClose, i18n.get("banner.dismiss"));
        codeTitle.setText(i18n.get("code.title"));
        outputTab.setText(i18n.get("output.title"));
        problemsTab.setText(i18n.get("problems.title") + (vm.problems().isEmpty() ? "" : " (" + vm.problems().size() + ")"));
        codeView.setAccessibleWords(i18n.get("code.title"));
        outputList.setAccessibleText(i18n.get("output.title"));
        problemsList.setAccessibleText(i18n.get("problems.title"));
        if (speedValue != null && vm.speedProperty() != null) {
            speedText();
        }
        if (vm.session() != null) {
            title();
        }
    }

    private void label(javafx.scene.control.Labeled c, String key, String tipKey) {
        c.setText(i18n.get(key));
        tip(c, tipKey);
        c.setAccessibleText(i18n.get(key) + ". " + i18n.get(tipKey));
    }

    private void tip(javafx.scene.control.Control c, String tipKey) {
        tips.set(c, i18n.get(tipKey));
        if (!(c instanceof javafx.scene.control.Labeled)) {
            c.setAccessibleText(i18n.get(tipKey));
        }
    }

    private void title() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage st) {
            st.setTitle(i18n.get("app.titleWith", shownTitle()));
        }
        updateCaption();
    }

    /** The program's title in the language shown (a preset's is translated). */
    private String shownTitle() {
        Session s = vm.session();
        String key = s != null && s.id().startsWith(PresetCatalog.SESSION)
                ? presetTitleKey(s.id().substring(PresetCatalog.SESSION.length())) : null;
        return key != null && i18n.has(key) ? i18n.get(key) : vm.titleProperty().get();
    }

    /**
     * The message that names a preset in the language shown: {@code preset.<id>} for a Python
     * program, {@code scenario.<id>} for a scenario file (whose own title is English).
     */
    private static String presetTitleKey(String presetName) {
        return presetName.startsWith(PresetCatalog.PY) ? "preset." + presetName.substring(PresetCatalog.PY.length())
                : "scenario." + presetName;
    }

    /** Opens a session and shows its code. */
    public void openSession(Session s) {
        vm.open(s);
        afterOpen();
    }

    /** Shows the session the view model already has open (opened before this view was built). */
    public void showOpened() {
        afterOpen();
    }

    private void afterOpen() {
        // The time axis' zoom belongs to the program: another one opens fitted to the view.
        lanes.fitNextRun();
        bottomTabs.getSelectionModel().select(outputTab);
        codeView.scrollToTop(dev.eventlanes.ui.lesson.SessionLessons.codeRow(vm.session()));
        setLaneActions(laneActions);
        lessonPanel.showSession(vm.session());
        title();
        redraw();
    }

    /** The lesson of the program {@code s} in the language shown, or null if it has no notes. */
    private dev.eventlanes.lesson.Lesson lessonOf(Session s) {
        return dev.eventlanes.ui.lesson.SessionLessons.of(s).in(i18n.locale());
    }

    /**
     * The open program's lesson in the language shown (its title and the line to watch are what
     * presentation mode puts on the canvas), or null if the program has no lesson notes.
     */
    public dev.eventlanes.lesson.Lesson lesson() {
        return lessonPanel.lesson();
    }

    /** {@link #lesson()}, as it changes with the program and the language. */
    public javafx.beans.property.ReadOnlyObjectProperty<dev.eventlanes.lesson.Lesson> lessonProperty() {
        return lessonPanel.lessonProperty();
    }

    /** After + Task / + Event: new lanes may need their action menus. */
    void refreshAfterEdit() {
        refreshEditable();
        redraw();
    }

    private void refreshEditable() {
        boolean editable = laneActions.canEdit(vm);
        // + Task / + Event on a preset start a blank click-built scenario, so they stay enabled.
        addTaskButton.setDisable(laneActions == LaneActions.NONE);
        addEventButton.setDisable(laneActions == LaneActions.NONE);
        // A pasted program is saved as the text that runs (see ProgramSaver).
        saveButton.setDisable(!editable && !saver.canSave(vm.session() == null ? null : vm.session().program()));
    }

    /**
     * Moves the drawn playhead: directly while playing (the view model already moves it smoothly)
     * or for a long jump, else as a short animation so a step visibly grows the lanes.
     */
    private void glideTo(double from, double to) {
        if (glide != null) {
            glide.stop();
        }
        javafx.util.Duration d = Animations.duration(STEP_GLIDE_MS);
        if (vm.playingProperty().get() || d.equals(javafx.util.Duration.ZERO) || to < from || to - from > 3) {
            shownUnit.set(to);
            return;
        }
        shownUnit.set(from);
        glide = new javafx.animation.Timeline(new javafx.animation.KeyFrame(d,
                new javafx.animation.KeyValue(shownUnit, to, javafx.animation.Interpolator.EASE_OUT)));
        glide.play();
    }

    private void redraw() {
        if (vm.timeline() == null) {
            return;
        }
        if (inTick) {
            redrawPending = true;
            return;
        }
        int k = vm.positionProperty().get();
        if (glide == null || glide.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            shownUnit.set(vm.displayUnitProperty().get());
        }
        lanes.setDeadlocked(vm.deadlocked());
        lanes.show(vm.timeline(), k, Math.min(shownUnit.get(), vm.timeline().unitAt(vm.timeline().size())));
        eventsBar.show(vm.timeline(), k);
        if (!vm.playingProperty().get() || scrubberMovesFar(k) || System.nanoTime() - scrubberShownAt >= MainViewModel.TEXTS_EVERY_NANOS) {
            showScrubber();
        }
        codeView.show(vm.codeLines(), vm.markers(), vm.timeline().lanes(), vm.selectedTaskProperty().get(),
                vm.selectedRowProperty().get());
    }

    /**
     * While playing, the position runs just behind a run that grows in bursts, so the scrubber's
     * thumb shivers by fractions of a pixel at its right end on nearly every frame, and each time
     * its drop shadow is drawn again (software rendering: a few milliseconds). Then it is moved
     * only when that moves it by half a pixel or more, else at most ten times a second; it shows
     * the exact position as soon as the run stops playing.
     */
    private long scrubberShownAt;

    private void showScrubber() {
        updatingScrubber = true;
        int start = scrubberStart();
        scrubber.setMin(start);
        scrubber.setMax(Math.max(start + 1, vm.totalProperty().get()));
        // Before step 0 (just reset, the program setting up) the thumb stays at the left end.
        scrubber.setValue(Math.max(start, vm.positionProperty().get()));
        updatingScrubber = false;
        scrubberShownAt = System.nanoTime();
    }

    /**
     * Where the scrubber starts: at step 0, not at the run's first entry. The entries before step
     * 0 are the program setting up; counting them put the thumb off the left end at "step 0 of
     * 5", and half-way along in a new click-built scenario ("step 0 of 1").
     */
    private int scrubberStart() {
        dev.eventlanes.scene.TraceIndex tl = vm.timeline();
        return tl != null && tl.stepCount() > 0 ? Math.min(tl.runIndex(0), vm.totalProperty().get()) : 0;
    }

    /** Whether showing position k would move the thumb by half a pixel or more (the track is narrower than the slider). */
    private boolean scrubberMovesFar(int k) {
        double min = scrubber.getMin();
        double max = Math.max(min + 1, vm.totalProperty().get());
        double moved = Math.abs((Math.max(min, k) - min) / (max - min)
                - (scrubber.getValue() - scrubber.getMin()) / (scrubber.getMax() - scrubber.getMin()));
        return moved * scrubber.getWidth() >= 0.5;
    }

    /** Brings the selected lane's line into the code panel's view (the lane was just selected). */
    private void revealSelectedLine() {
        int t = vm.selectedTaskProperty().get();
        if (t >= 0 && vm.timeline() != null) {
            codeView.revealTask(vm.markers(), t);
        }
    }

    /**
     * Keeps the output's newest line in view, whole. ListView.scrollTo places a row from the rows'
     * estimated heights, which left the last line of a run cut off or out of view (seed 2, the
     * Starlette example); so once the list is laid out, the newest row is checked and, if it is
     * not entirely in view, scrolled the rest of the way (a few pulses at most).
     */
    private void showNewestOutput() {
        int last = vm.output().size() - 1;
        if (last < 0) {
            return;
        }
        outputList.scrollTo(last);
        checkNewestOutput();
    }

    /**
     * When the output panel gets shorter (the end-of-run banner opening, the window resized)
     * while its newest line is on show, that line stays whole: the list keeps its top, so
     * without this the last line slid under the panel's bottom edge.
     */
    private void keepNewestOutputOnResize(double was, double now) {
        int last = vm.output().size() - 1;
        if (now < was && last >= 0 && outputList.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            javafx.scene.control.IndexedCell<?> cell = flow.getLastVisibleCell();
            if (cell != null && cell.getIndex() >= last) {
                checkNewestOutput();
            }
        }
    }

    /** Checks, after the next layout, that the newest output row is whole (see {@link #showNewestOutput}). */
    private void checkNewestOutput() {
        Scene scene = outputList.getScene();
        if (scene != null && !outputCheckQueued) {
            outputCheckQueued = true;
            outputChecks = 0;
            scene.addPostLayoutPulseListener(outputCheck);
            Platform.requestNextPulse();
        }
    }

    private boolean outputCheckQueued;
    private int outputChecks;
    private final Runnable outputCheck = new Runnable() {
        @Override
        public void run() {
            Scene scene = outputList.getScene();
            boolean done = newestOutputWhole() || ++outputChecks >= 4 || scene == null;
            if (done) {
                outputCheckQueued = false;
                if (scene != null) {
                    scene.removePostLayoutPulseListener(this);
                }
            } else {
                Platform.requestNextPulse();
            }
        }
    };

    /** True if the output's newest row is entirely in view; else scrolls towards it. */
    private boolean newestOutputWhole() {
        int last = vm.output().size() - 1;
        if (last < 0 || !(outputList.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)) {
            return true;
        }
        javafx.scene.control.IndexedCell<?> cell = flow.getLastVisibleCell();
        if (cell == null || cell.getIndex() < last) {
            flow.scrollTo(last);
            return false;
        }
        Node viewport = flow.lookup(".clipped-container");
        if (viewport == null) {
            return true;
        }
        double below = cell.localToScene(cell.getLayoutBounds()).getMaxY()
                - viewport.localToScene(viewport.getLayoutBounds()).getMaxY();
        if (below > 0.5) {
            flow.scrollPixels(below);
            return false;
        }
        return true;
    }

    /** The window's scene around its root: filled with the window's colour, as the root has no background. */
    public static Scene scene(Parent root, double width, double height) {
        return new Scene(root, width, height, Styles.windowBackground());
    }

    /**
     * Software rendering repaints each changed patch of the window through every region above it
     * that has a background, even where children cover that background whole: while playing, the
     * lanes' patches were filled four times over before the lanes were drawn. The containers
     * that are covered wherever it shows (the root, the split panes, the lanes) have none; the
     * scene's fill gives the window its colour (see {@link #scene}), as one plain clear per patch.
     */
    private void clearCoveredBackgrounds() {
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {root, verticalSplit, horizontalSplit, lanes}) {
            r.setBackground(null);
        }
    }

    // ------------------------------------------------------------------ keys

    private KeyMap keys;
    private KeyHelp keyHelp;

    /** Every key of the window; {@link KeyHelp} lists them from the same map. */
    KeyMap keys() {
        if (keys == null) {
            keys = keyMap();
        }
        return keys;
    }

    private KeyMap keyMap() {
        KeyMap.Section play = KeyMap.Section.PLAY;
        KeyMap.Section time = KeyMap.Section.TIME;
        KeyMap.Section view = KeyMap.Section.VIEW;
        KeyMap.Section files = KeyMap.Section.FILES;
        KeyCombination.Modifier shortcut = KeyCombination.SHORTCUT_DOWN;
        return new KeyMap()
                .add("play", play, "Space", vm::togglePlay, key(KeyCode.SPACE))
                .add("step", play, "\u2192", vm::step, key(KeyCode.RIGHT))
                .add("stepLine", play, "Shift+\u2192", vm::stepLine, key(KeyCode.RIGHT, KeyCombination.SHIFT_DOWN))
                .add("stepBack", play, "\u2190", vm::stepBack, key(KeyCode.LEFT))
                .add("stepLineBack", play, "Shift+\u2190", vm::stepLineBack, key(KeyCode.LEFT, KeyCombination.SHIFT_DOWN))
                .add("start", play, "Home", vm::reset, key(KeyCode.HOME))
                .add("end", play, "End", vm::runToEnd, key(KeyCode.END))
                .add("faster", play, "]", () -> vm.speedProperty().set(vm.speedProperty().get() * 2), key(KeyCode.CLOSE_BRACKET))
                .add("slower", play, "[", () -> vm.speedProperty().set(vm.speedProperty().get() / 2), key(KeyCode.OPEN_BRACKET))
                .add("normalSpeed", play, "1", () -> vm.speedProperty().set(1), key(KeyCode.DIGIT1), key(KeyCode.NUMPAD1))
                .add("timeZoomIn", time, "W", lanes::zoomTimeIn, key(KeyCode.W))
                .add("timeZoomOut", time, "S", lanes::zoomTimeOut, key(KeyCode.S))
                .add("panLeft", time, "A", lanes::panLeft, key(KeyCode.A))
                .add("panRight", time, "D", lanes::panRight, key(KeyCode.D))
                .add("fit", time, "F", lanes::fitWholeRun, key(KeyCode.F))
                .add("zoomIn", view, null, this::zoomIn, key(KeyCode.EQUALS, shortcut), key(KeyCode.PLUS, shortcut),
                        key(KeyCode.ADD, shortcut))
                .add("zoomOut", view, null, this::zoomOut, key(KeyCode.MINUS, shortcut), key(KeyCode.SUBTRACT, shortcut))
                .add("zoomReset", view, null, this::zoomReset, key(KeyCode.DIGIT0, shortcut), key(KeyCode.NUMPAD0, shortcut))
                .add("present", view, "F5", this::togglePresentation, key(KeyCode.F5))
                .add("lesson", view, "L", () -> lessonToggle.setSelected(!lessonToggle.isSelected()), key(KeyCode.L))
                .add("codeBigger", view, null, () -> codeView.textBigger(),
                        key(KeyCode.EQUALS, shortcut, KeyCombination.SHIFT_DOWN), key(KeyCode.PLUS, shortcut, KeyCombination.SHIFT_DOWN),
                        key(KeyCode.ADD, shortcut, KeyCombination.SHIFT_DOWN))
                .add("codeSmaller", view, null, () -> codeView.textSmaller(),
                        key(KeyCode.MINUS, shortcut, KeyCombination.SHIFT_DOWN), key(KeyCode.SUBTRACT, shortcut, KeyCombination.SHIFT_DOWN))
                .add("codeNormal", view, null, () -> codeView.textNormal(),
                        key(KeyCode.DIGIT0, shortcut, KeyCombination.SHIFT_DOWN), key(KeyCode.NUMPAD0, shortcut, KeyCombination.SHIFT_DOWN))
                .add("fullScreen", view, "F11", this::toggleFullScreen, key(KeyCode.F11))
                .add("theme", view, "T", () -> theme.set(theme.get().next()), key(KeyCode.T))
                .add("help", view, "F1   ?", this::toggleKeyHelp, key(KeyCode.F1),
                        new javafx.scene.input.KeyCharacterCombination("?", KeyCombination.SHIFT_ANY),
                        key(KeyCode.SLASH, KeyCombination.SHIFT_DOWN))
                .add("open", files, null, this::onOpen, key(KeyCode.O, shortcut))
                .add("paste", files, null, this::onPaste, key(KeyCode.V, shortcut))
                .add("save", files, null, () -> {
                    if (!saveButton.isDisabled()) {
                        onSave();
                    }
                }, key(KeyCode.S, shortcut))
                .add("export", files, null, () -> {
                    if (!exportMenu.isShowing()) {
                        exportMenu.show();
                    }
                }, key(KeyCode.E, shortcut))
                .add("nextPreset", files, "PgDn", () -> openNeighbourPreset(1), key(KeyCode.PAGE_DOWN))
                .add("previousPreset", files, "PgUp", () -> openNeighbourPreset(-1), key(KeyCode.PAGE_UP));
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    private void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
                return;
            }
            // The speed slider, when it has the focus, takes ← and → itself (slower, faster).
            if (e.getTarget() == speedSlider && !e.isShiftDown() && !e.isShortcutDown()
                    && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
                return;
            }
            if (keyHelp != null && e.getCode() == KeyCode.ESCAPE) {
                toggleKeyHelp();
                e.consume();
                return;
            }
            if (presenting.get() && e.getCode() == KeyCode.ESCAPE) {
                togglePresentation();
                e.consume();
                return;
            }
            if (keys().dispatch(e)) {
                e.consume();
            }
        });
    }

    private void toggleFullScreen() {
        Stage st = window();
        if (st != null) {
            st.setFullScreen(!st.isFullScreen());
        }
    }

    /** Shows the keys overlay over the window, or takes it away. */
    void toggleKeyHelp() {
        if (keyHelp != null) {
            frame.getChildren().remove(keyHelp);
            keyHelp = null;
            return;
        }
        keyHelp = new KeyHelp(i18n, keys().bindings(), this::toggleKeyHelp);
        keyHelp.styleProperty().bind(root.styleProperty());
        frame.getChildren().add(keyHelp);
    }

    /** The keys overlay while it is shown (tests). */
    KeyHelp keyHelp() {
        return keyHelp;
    }

    /**
     * PgDn / PgUp: the next or previous lesson, in the Presets menu's order, as a slide deck
     * advances; from a program that is not a lesson, the first (or last) one. At either end the
     * deck stays where it is.
     */
    private void openNeighbourPreset(int direction) {
        List<Preset> deck = presets.get().stream().filter(p -> p.name().startsWith(PresetCatalog.PY)).toList();
        if (deck.isEmpty()) {
            return;
        }
        String id = vm.session() == null ? "" : vm.session().id();
        int at = -1;
        for (int i = 0; i < deck.size(); i++) {
            if (id.equals(PresetCatalog.SESSION + deck.get(i).name())) {
                at = i;
            }
        }
        int next = at < 0 ? (direction > 0 ? 0 : deck.size() - 1) : at + direction;
        if (next >= 0 && next < deck.size() && next != at) {
            openSession(deck.get(next).open().get());
        }
    }

    // ------------------------------------------------------------------ export

    /**
     * Where an export goes: asked with a save dialog (tests answer it themselves). Given the
     * suggested file name and the kind ("png" or "json"); null: cancelled.
     */
    java.util.function.BiFunction<String, String, File> exportChooser = this::chooseExport;
    private File lastExportFolder;

    private void setUpExport() {
        exportItem("exportLanes", "export.lanes", () -> exportPicture(false, 1));
        exportItem("exportLanes2x", "export.lanes2x", () -> exportPicture(false, 2));
        exportItem("exportWindow", "export.window", () -> exportPicture(true, 1));
        exportMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        exportItem("exportTrace", "export.trace", this::exportTrace);
    }

    private void exportItem(String id, String key, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(i18n.bind(key));
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        item.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                Sizes.font(Sizes.of(zoom.get(), 0).chrome()), zoom));
        exportMenu.getItems().add(item);
    }

    private File chooseExport(String name, String kind) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add("png".equals(kind)
                ? new FileChooser.ExtensionFilter(i18n.get("filter.png"), "*.png")
                : new FileChooser.ExtensionFilter(i18n.get("filter.trace"), "*.json"));
        fc.setInitialFileName(name);
        if (lastExportFolder != null && lastExportFolder.isDirectory()) {
            fc.setInitialDirectory(lastExportFolder);
        }
        File f = fc.showSaveDialog(window());
        if (f != null) {
            lastExportFolder = f.getParentFile();
        }
        return f;
    }

    /** A file name from the program's title: "waiting_vs_polling-lanes.png". */
    private String exportName(String what, String ext) {
        String title = vm.session() == null ? "event-lanes" : vm.session().program().title();
        String base = title.replaceAll("\\.(py|json)$", "").replaceAll("[^\\p{L}\\p{N}_-]+", "_");
        return (base.isEmpty() ? "event-lanes" : base) + "-" + what + "." + ext;
    }

    private void exportPicture(boolean window, double factor) {
        if (vm.timeline() == null) {
            return;
        }
        File f = exportChooser.apply(exportName(window ? "window" : factor > 1 ? "lanes@2x" : "lanes", "png"), "png");
        if (f == null) {
            return;
        }
        try {
            javafx.scene.image.Image img = window ? frame.getScene().snapshot(null)
                    : Export.lanesPicture(vm, lanes.scaleProperty().get(), Math.max(lanes.getWidth(), 600), factor);
            dev.eventlanes.ui.render.PngWriter.write(img, f.toPath());
        } catch (IOException | RuntimeException e) {
            exportFailed(f, e);
        }
    }

    private void exportTrace() {
        if (vm.timeline() == null) {
            return;
        }
        File f = exportChooser.apply(exportName("trace", "json"), "json");
        if (f == null) {
            return;
        }
        try {
            Export.trace(vm, f.toPath());
        } catch (IOException | RuntimeException e) {
            exportFailed(f, e);
        }
    }

    /** Could not write: say which file and why, in a dialog; nothing else changes. */
    private void exportFailed(File f, Exception e) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR);
        a.initOwner(window());
        a.setTitle(i18n.get("export.failed.title"));
        a.setHeaderText(i18n.get("export.failed", f.getName()));
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        a.setContentText(why);
        a.getButtonTypes().setAll(button("dialog.ok", ButtonBar.ButtonData.OK_DONE));
        styleDialog(a.getDialogPane());
        a.getDialogPane().getStyleClass().add("short-dialog");
        lastExportError = why;
        if (showDialogs) {
            a.show();
        }
    }

    /** The last export's error (tests), and whether dialogs are shown (tests turn them off). */
    String lastExportError;
    boolean showDialogs = true;

    // ------------------------------------------------------------------ actions

    @FXML
    private void onOpen() {
        File f = programChooser.apply(window());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Asks which program to open (a file chooser; tests answer it themselves). */
    java.util.function.Function<Stage, File> programChooser = this::chooseProgram;

    private File chooseProgram(Stage owner) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("filter.programs"), "*.py", "*.json"));
        return fc.showOpenDialog(owner);
    }

    /** Opens a file; on failure the problems are listed and the current program keeps running. */
    public boolean openFile(java.nio.file.Path p) {
        boolean ok = vm.openFile(p);
        if (ok) {
            afterOpen();
        }
        return ok;
    }

    /**
     * Dresses a dialog like the window: the same style sheet and the window's zoomed font size,
     * so it reads from the back of the room as the window does (a dialog is a window of its own,
     * which would otherwise get JavaFX's small default font). A question adds the style class
     * {@code short-dialog}: a width in em that its header wraps in.
     */
    public void styleDialog(javafx.scene.control.DialogPane pane) {
        pane.getStylesheets().addAll(frame.getStylesheets());
        pane.getStyleClass().add("event-lanes");
        pane.setStyle(Sizes.font(sizes.panels()) + familyStyle());
    }

    /**
     * What the paste editor held when it last closed, run or cancelled: Paste opens on it again,
     * so pasted code is never lost to a later click (such as + Task, which replaces the program).
     */
    private String pasteDraft = "";

    @FXML
    private void onPaste() {
        showPasteDialog(pasteDraft);
    }

    /**
     * The paste dialog; code that fails stays in the editor, with its problems listed and marked
     * in it (a click on one goes there), to be fixed.
     */
    public Dialog<ButtonType> showPasteDialog(String initial) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(window());
        d.setTitle(i18n.get("dialog.paste.title"));
        d.setHeaderText(i18n.get("dialog.paste.header"));
        PasteEditor editor = new PasteEditor(i18n, initial);
        editor.editor().textScaleProperty().bind(codeView.textScaleProperty());
        VBox box = new VBox(8, new HBox(8, new Label(i18n.get("dialog.paste.kind")), editor.kindBox()), editor.editor(),
                editor.problemList());
        VBox.setVgrow(editor.editor(), Priority.ALWAYS);
        d.getDialogPane().setContent(box);
        styleDialog(d.getDialogPane());
        d.setResizable(true);
        ButtonType run = button("dialog.paste.run", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = button("dialog.cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().addAll(run, cancel);
        Node runButton = d.getDialogPane().lookupButton(run);
        runButton.setId("pasteRun");
        runButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            boolean python = editor.isPython();
            String name = python ? "pasted.py" : "pasted.json";
            String text = editor.text();
            if (vm.openText(name, text, "pasted:" + name)) {
                saver.pasted(vm.session().program(), text, python);
                afterOpen();
            } else {
                // Keep the dialog open with the code, so it can be fixed.
                editor.showProblems(vm.problems());
                e.consume();
            }
        });
        d.setOnShown(e -> editor.focusAndSelectAll());
        d.setOnHidden(e -> pasteDraft = editor.text());
        d.show();
        return d;
    }

    /**
     * Asks before closing over an unsaved click-built scenario.
     *
     * @return true if the window may close
     */
    public boolean confirmClose() {
        if (!vm.dirtyProperty().get()) {
            return true;
        }
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        a.initOwner(window());
        styleDialog(a.getDialogPane());
        a.getDialogPane().getStyleClass().add("short-dialog");
        a.setTitle(i18n.get("dialog.unsaved.title"));
        a.setHeaderText(i18n.get("dialog.unsaved.header"));
        ButtonType save = button("dialog.unsaved.save", ButtonBar.ButtonData.YES);
        ButtonType discard = button("dialog.unsaved.discard", ButtonBar.ButtonData.NO);
        ButtonType cancel = button("dialog.cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(save, discard, cancel);
        ButtonType r = a.showAndWait().orElse(cancel);
        if (r == save) {
            laneActions.save(vm, window());
            return !vm.dirtyProperty().get();
        }
        return r == discard;
    }

    @FXML
    private void onSave() {
        Session s = vm.session();
        // A pasted program as it was pasted; one whose scenario has been clicked on since, with
        // its clicks (the lane actions' Save).
        if (s != null && saver.canSave(s.program()) && !vm.dirtyProperty().get()) {
            java.nio.file.Path p = saver.save(window());
            if (p != null) {
                vm.savedAs("file:" + p);
                vm.showBannerKey(false, "banner.saved", p.getFileName().toString());
                title();
            }
            return;
        }
        laneActions.save(vm, window());
    }

    @FXML
    private void onReset() {
        vm.reset();
    }

    @FXML
    private void onStepBack() {
        vm.stepBack();
    }

    @FXML
    private void onPlay() {
        vm.togglePlay();
    }

    @FXML
    private void onStep() {
        vm.step();
    }

    @FXML
    private void onStepLine() {
        vm.stepLine();
    }

    @FXML
    private void onAddTask() {
        laneActions.addTask(vm, window());
    }

    @FXML
    private void onAddEvent() {
        laneActions.addEvent(vm, window());
    }

    @FXML
    private void onDismissBanner() {
        vm.clearBanner();
    }

    private Stage window() {
        return root.getScene() == null ? null : (Stage) root.getScene().getWindow();
    }

    /**
     * A dialog button worded in the language shown. JavaFX's own OK and Cancel are worded in the
     * JVM's language instead, so every dialog of the window uses these.
     */
    public ButtonType button(String key, ButtonBar.ButtonData data) {
        return new ButtonType(i18n.get(key), data);
    }

    public LanesView lanes() {
        return lanes;
    }

    /** The code panel's code component. */
    public CodePanel codeView() {
        return codeView;
    }

    /** Save for pasted programs (tests answer its file chooser). */
    public ProgramSaver saver() {
        return saver;
    }

    /**
     * Where the view remembers what it keeps between launches itself: the code's text size and
     * the folder a pasted program was last saved to.
     */
    public void useSettings(Settings s) {
        // The remembered size first, so that setting it writes nothing.
        codeView.textScaleProperty().set(Math.max(dev.eventlanes.ui.code.CodeEditor.MIN_TEXT,
                Math.min(dev.eventlanes.ui.code.CodeEditor.MAX_TEXT, s.getDouble(CODE_TEXT, 1.0))));
        settings = s;
        saver.setSettings(s);
    }

    public EventsBar eventsBar() {
        return eventsBar;
    }

    public BorderPane root() {
        return root;
    }

    public void stop() {
        timer.stop();
    }

    // ------------------------------------------------------------------ cells

    private final class OutputCell extends ListCell<MainViewModel.OutputLine> {
        @Override
        protected void updateItem(MainViewModel.OutputLine o, boolean empty) {
            super.updateItem(o, empty);
            pseudoClassStateChanged(Styles.ERROR, !empty && o != null && o.error());
            if (empty || o == null) {
                setText(null);
                return;
            }
            String where = o.error() && o.line() > 0 ? "  (" + i18n.get("problem.line", o.line(), "").replaceAll("[:：]\\s*$", "") + ")" : "";
            setText(String.format(Locale.ROOT, "[%6s s]  %s%s", Loop.formatTime(o.time()), o.text(), where));
        }
    }
}
