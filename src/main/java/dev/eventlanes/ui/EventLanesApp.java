package dev.eventlanes.ui;

import dev.eventlanes.ui.program.ProgramSources;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Event Lanes window. Opens the last scenario (seed 1 on a first launch), and remembers window
 * size, language and zoom in {@link Settings}.
 */
public class EventLanesApp extends Application {
    private Settings settings;
    private MainView view;
    private MainViewModel vm;

    public static void main(String[] args) {
        launch(EventLanesApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        settings = Settings.forApp();
        String lang = settings.get("language", null);
        I18n i18n = new I18n(lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang));
        vm = new MainViewModel(i18n, ProgramSources.defaults());
        List<Preset> presets = PresetCatalog.all();
        view = new MainView(vm, presets);
        Parent root = view.load();
        view.setLaneActions(new ScenarioActions(view));
        view.zoomProperty().set(Math.max(MainView.MIN_ZOOM, Math.min(MainView.MAX_ZOOM, settings.getDouble("zoom", 1.0))));
        Scene scene = new Scene(root, settings.getDouble("width", 1500), settings.getDouble("height", 940));
        stage.setScene(scene);
        openLast(presets);
        stage.setOnCloseRequest(e -> {
            if (!view.confirmClose()) {
                e.consume();
                return;
            }
            remember(stage);
        });
        stage.show();
    }

    private void openLast(List<Preset> presets) {
        String last = settings.get("last", "preset:" + PresetCatalog.seed().name());
        if (last.startsWith("file:")) {
            if (view.openFile(java.nio.file.Path.of(last.substring(5)))) {
                return;
            }
            vm.problems().clear();
            vm.clearBanner();
        } else if (last.startsWith("preset:")) {
            Preset p = PresetCatalog.find(last.substring(7));
            if (p != null) {
                view.openSession(p.open().get());
                return;
            }
        }
        view.openSession(PresetCatalog.seed().open().get());
    }

    private void remember(Stage stage) {
        settings.putDouble("width", stage.getWidth());
        settings.putDouble("height", stage.getHeight());
        settings.put("language", vm.i18n().locale().toLanguageTag());
        settings.putDouble("zoom", view.zoomProperty().get());
        if (vm.session() != null && !vm.session().id().startsWith("pasted:")) {
            settings.put("last", vm.session().id());
        }
        settings.save();
    }

    @Override
    public void stop() {
        if (view != null) {
            view.stop();
        }
    }
}
