package dev.eventlanes.ui;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.scenario.Op;
import dev.eventlanes.scenario.Scenario;
import dev.eventlanes.scenario.ScenarioClicks;
import dev.eventlanes.scenario.ScenarioJson;
import dev.eventlanes.scene.TraceIndex;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Click-built scenarios: each lane's action menu (wait on, set, clear, poll is_set, sleep), the
 * + Task / + Event buttons, and Save. Every action is a {@link ScenarioClicks} click applied
 * through the view model, so it lands in the session's click log and replays exactly.
 */
public final class ScenarioActions implements MainView.LaneActions {
    static final double[] SLEEPS = {0, 0.5, 1, 2};
    private final MainView view;
    /** Asks for a name; tests replace it to avoid a modal dialog. */
    private Function<String, Optional<String>> ask = this::askWithDialog;
    /** Where Save writes; null asks with a file chooser. */
    private Path saveTarget;

    public ScenarioActions(MainView view) {
        this.view = view;
    }

    public void setAsker(Function<String, Optional<String>> ask) {
        this.ask = ask;
    }

    public void setSaveTarget(Path p) {
        this.saveTarget = p;
    }

    @Override
    public boolean canEdit(MainViewModel vm) {
        return vm.session() != null && vm.session().editable();
    }

    @Override
    public Node menuFor(int task, MainViewModel vm) {
        I18n i18n = vm.i18n();
        String name = vm.timeline().lanes().get(task).name();
        MenuButton mb = new MenuButton("\u2026");
        mb.setId("actions-" + name);
        // In the language shown, from the moment it is switched (the items follow when it opens).
        mb.textProperty().bind(i18n.bind("lane.actions"));
        mb.accessibleTextProperty().bind(i18n.bind("lane.actions.tip", name));
        mb.setOnShowing(e -> fill(mb, name, vm));
        fill(mb, name, vm);
        return mb;
    }

    /**
     * Rebuilt each time it opens, so it lists the events that exist now, in the language shown.
     * Each entry is a submenu, which draws its own arrow: the labels carry none.
     */
    private void fill(MenuButton mb, String task, MainViewModel vm) {
        I18n i18n = vm.i18n();
        List<MenuItem> items = new java.util.ArrayList<>();
        List<String> events = vm.simulation().loop().events().stream().map(AsyncEvent::name).toList();
        items.add(eventMenu(i18n.get("lane.wait"), "wait", task, events, vm, Op.Wait::new));
        items.add(eventMenu(i18n.get("lane.set"), "set", task, events, vm, Op.Set::new));
        // Offered under anyio and trio too, where the task then fails as the real library's would
        // (AttributeError, with the hint): but the menu says so before the click, not after.
        dev.eventlanes.model.Semantics sem = vm.semanticsProperty().get();
        items.add(eventMenu(sem.eventsHaveClear() ? i18n.get("lane.clear") : i18n.get("lane.clear.none", sem.library()),
                "clear", task, events, vm, Op.Clear::new));
        items.add(eventMenu(i18n.get("lane.poll"), "poll", task, events, vm, Op.Poll::new));
        Menu sleep = new Menu(i18n.get("lane.sleep"));
        for (double d : SLEEPS) {
            MenuItem it = new MenuItem(dev.eventlanes.model.Loop.formatTime(d) + " s");
            it.setId("sleep-" + task + "-" + d);
            it.setOnAction(e -> append(vm, task, new Op.Sleep(d)));
            sleep.getItems().add(it);
        }
        items.add(sleep);
        // A menu's popup does not inherit the window's font size: set it, zoom included.
        String font = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 18 * view.zoomProperty().get());
        // Underscores are Python's (is_set, response_sent), not mnemonics: shown as written. Set
        // before the items go into the menu: refilled while it opens, an item that came in
        // parsing lost its underscore on screen ("poll isset") though its text kept it.
        for (MenuItem it : items) {
            it.setStyle(font);
            it.setMnemonicParsing(false);
            if (it instanceof Menu m) {
                m.getItems().forEach(sub -> {
                    sub.setStyle(font);
                    sub.setMnemonicParsing(false);
                });
            }
        }
        mb.getItems().setAll(items);
    }

    private Menu eventMenu(String label, String kind, String task, List<String> events, MainViewModel vm,
                           Function<String, Op> make) {
        Menu m = new Menu(label);
        m.setMnemonicParsing(false);
        for (String ev : events) {
            MenuItem it = new MenuItem(ev);
            it.setMnemonicParsing(false);
            it.setId(kind + "-" + task + "-" + ev);
            it.setOnAction(e -> append(vm, task, make.apply(ev)));
            m.getItems().add(it);
        }
        m.setDisable(events.isEmpty());
        return m;
    }

    /** Appends an op to a task's script (the click the lane menus make). */
    public String append(MainViewModel vm, String task, Op op) {
        return vm.apply(ScenarioClicks.appendOp(task, op), null);
    }

    @Override
    public void addTask(MainViewModel vm, Stage owner) {
        ask.apply(prompt(vm, "dialog.name.task")).ifPresent(n -> {
            ensureEditable(vm);
            vm.apply(ScenarioClicks.addTask(n.strip()), null);
        });
        view.refreshAfterEdit();
    }

    @Override
    public void addEvent(MainViewModel vm, Stage owner) {
        ask.apply(prompt(vm, "dialog.name.event")).ifPresent(n -> {
            ensureEditable(vm);
            vm.apply(ScenarioClicks.addEvent(n.strip()), null);
        });
        view.refreshAfterEdit();
    }

    /**
     * The name dialog's text. On a program that is not click-built, it says first that a name
     * starts a new scenario in its place, and how to get the program back: the program goes only
     * once a name is given, so Cancel leaves everything as it was.
     */
    private static String prompt(MainViewModel vm, String key) {
        I18n i18n = vm.i18n();
        if (vm.session() != null && vm.session().editable()) {
            return i18n.get(key);
        }
        return i18n.get(key) + "\n" + i18n.get("dialog.name.newScenario", vm.semanticsProperty().get().library());
    }

    /** + Task and + Event on a preset start a blank click-built scenario under the same library. */
    private void ensureEditable(MainViewModel vm) {
        if (!canEdit(vm)) {
            view.openSession(PresetCatalog.blank(vm.semanticsProperty().get()));
        }
    }

    private Optional<String> askWithDialog(String prompt) {
        return nameDialog(prompt).showAndWait().filter(s -> !s.isBlank());
    }

    /** The dialog that asks for a name, styled as the window and worded in its language. */
    TextInputDialog nameDialog(String prompt) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(view.root().getScene().getWindow());
        view.styleDialog(d.getDialogPane());
        d.getDialogPane().getStyleClass().add("short-dialog");
        d.setHeaderText(prompt);
        // The first line names the dialog; a second one says what the name will do.
        d.setTitle(prompt.lines().findFirst().orElse(prompt));
        d.getDialogPane().getButtonTypes().setAll(view.button("dialog.ok", javafx.scene.control.ButtonBar.ButtonData.OK_DONE),
                view.button("dialog.cancel", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        return d;
    }

    @Override
    public void save(MainViewModel vm, Stage owner) {
        Path target = saveTarget;
        if (target == null) {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            fc.setInitialFileName("scenario.json");
            File f = fc.showSaveDialog(owner);
            if (f == null) {
                return;
            }
            target = f.toPath();
        }
        saveTo(vm, target);
    }

    /** Writes the scenario with the session's click log; true if written. */
    public boolean saveTo(MainViewModel vm, Path target) {
        if (!(vm.session().program() instanceof Scenario s)) {
            return false;
        }
        Scenario out = s.withSemantics(vm.semanticsProperty().get()).withClicks(vm.simulation().clicks());
        try {
            Files.writeString(target, ScenarioJson.write(out), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            vm.showBannerKey(true, "error.write", String.valueOf(e.getMessage()));
            return false;
        }
        vm.savedAs("file:" + target.toAbsolutePath());
        vm.showBannerKey(false, "banner.saved", target.getFileName().toString());
        return true;
    }

    /** For menus: the lanes that exist. */
    static List<TraceIndex.Lane> lanes(MainViewModel vm) {
        return vm.timeline().lanes();
    }
}
