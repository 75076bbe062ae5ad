package dev.eventlanes.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventlanes.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render} as a teacher uses it for slides, through the command line's own entry point with
 * the window's pictures: a PNG and the scene as JSON, the moment chosen by step or time, the
 * command line's exit codes, and clear words for bad input.
 */
class RenderCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new WindowPictures());
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path preset(String file) throws IOException {
        Path p = dir.resolve(file);
        try (InputStream in = getClass().getResourceAsStream("/dev/eventlanes/python/presets/" + file)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    private static int[] pngSize(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        assertThat(new String(b, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        int w = (b[16] & 255) << 24 | (b[17] & 255) << 16 | (b[18] & 255) << 8 | b[19] & 255;
        int h = (b[20] & 255) << 24 | (b[21] & 255) << 16 | (b[22] & 255) << 8 | b[23] & 255;
        return new int[] {w, h};
    }

    @Test
    void drawsTheEndOfARunAndWritesWhatItDrew() throws IOException {
        Path png = dir.resolve("out/mo.png");
        Path scene = dir.resolve("out/mo.json");
        Outcome o = cli("render", preset("move_on_after.py").toString(), "--png", png.toString(), "--scene", scene.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).isEmpty();
        assertThat(pngSize(png)[0]).isEqualTo(1400);
        JsonNode s = json(scene);
        assertThat(s.get("version").asInt()).isEqualTo(1);
        assertThat(s.get("semantics").asText()).isEqualTo("anyio");
        // The arrow of response_sent.set() goes to patient, which woke; not to impatient, which gave up.
        JsonNode arrows = s.get("arrows");
        assertThat(arrows).hasSize(1);
        int to = arrows.get(0).get("to_task").asInt();
        String toName = null;
        for (JsonNode lane : s.get("lanes")) {
            if (lane.get("task").asInt() == to) {
                toName = lane.get("name").asText();
            }
        }
        assertThat(toName).isEqualTo("patient");
        assertThat(s.get("playhead").get("t").asDouble()).isGreaterThan(2.0);
        assertThat(s.get("axis").get("instant_bands").size()).isGreaterThan(0);
    }

    @Test
    void atAStepOrATimeTheSceneShowsThatMoment() throws IOException {
        Path p = preset("seed1_worker_waits.py");
        Path a = dir.resolve("a.json");
        assertThat(cli("render", p.toString(), "--png", dir.resolve("a.png").toString(), "--scene", a.toString(),
                "--at-time", "1.0").code()).isZero();
        JsonNode s = json(a);
        assertThat(s.get("playhead").get("t").asDouble()).isEqualTo(1.0);
        assertThat(s.get("arrows")).isEmpty();
        Path b = dir.resolve("b.json");
        assertThat(cli("render", p.toString(), "--png", dir.resolve("b.png").toString(), "--scene", b.toString(),
                "--at-step", "1", "--width", "900", "--lang", "zh").code()).isZero();
        JsonNode t = json(b);
        assertThat(t.get("playhead").get("position").asInt()).isLessThan(json(a).get("playhead").get("position").asInt());
        assertThat(pngSize(dir.resolve("b.png"))[0]).isEqualTo(900);
        assertThat(t.get("ticks").get(0).get("label").asText()).endsWith("秒");
    }

    @Test
    void theWholeWindowWithAFlag() throws IOException {
        Path png = dir.resolve("w.png");
        Outcome o = cli("render", preset("seed1_worker_waits.py").toString(), "--png", png.toString(), "--window",
                "--width", "1280", "--height", "800");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(pngSize(png)).containsExactly(1280, 800);
    }

    @Test
    void theWholeWindowIsPicturedAsItSettlesOnADeskWithTheNewestOutputLineWhole() throws IOException {
        // The window scrolls its output after a layout; a picture taken at the first layout showed
        // the newest line cut by the status bar (the Starlette example, mid-run).
        AtomicReference<String> seen = new AtomicReference<>();
        WindowPictures.beforeClose = scene -> {
            ListView<?> out = (ListView<?>) scene.lookup("#output");
            int last = out.getItems().size() - 1;
            Node viewport = out.lookup(".clipped-container");
            double bottom = viewport.localToScene(viewport.getLayoutBounds()).getMaxY();
            String s = "no cell for line " + last;
            for (Node n : out.lookupAll(".list-cell")) {
                if (n instanceof ListCell<?> c && c.getIndex() == last && c.isVisible()) {
                    s = "line " + last + " ends " + (c.localToScene(c.getLayoutBounds()).getMaxY() - bottom) + " px below the panel";
                }
            }
            seen.set(s);
        };
        try {
            Outcome o = cli("render", preset("starlette_call_next.py").toString(), "--png", dir.resolve("s.png").toString(),
                    "--window", "--width", "1280", "--height", "800", "--at-step", "10");
            assertThat(o.code()).as(o.err()).isZero();
        } finally {
            WindowPictures.beforeClose = null;
        }
        assertThat(seen.get()).matches("line \\d+ ends (-\\d+(\\.\\d+)?|0\\.\\d+|0) px below the panel")
                .satisfies(s -> assertThat(Double.parseDouble(s.replaceAll(".* ends (\\S+) px.*", "$1"))).isLessThanOrEqualTo(0.5));
    }

    @Test
    void aDeadlockIsDrawnAndExitsWith70AsRunDoes() throws IOException {
        Path scene = dir.resolve("d.json");
        Outcome o = cli("render", preset("deadlock.py").toString(), "--png", dir.resolve("d.png").toString(),
                "--scene", scene.toString());
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.err()).contains("deadlock at 0.0");
        long forever = 0;
        for (JsonNode m : json(scene).get("marks")) {
            if (m.get("kind").asText().equals("forever")) {
                forever++;
            }
        }
        assertThat(forever).as("every blocked lane ends waiting for ever").isEqualTo(3);
    }

    @Test
    void badInputIsNamedWithItsLineAndNothingIsDrawn() throws IOException {
        Path bad = dir.resolve("bad.py");
        Files.writeString(bad, "import anyio\n\nasync def main(:\n    pass\n");
        Path png = dir.resolve("bad.png");
        Outcome o = cli("render", bad.toString(), "--png", png.toString());
        assertThat(o.code()).isEqualTo(65);
        assertThat(o.err()).contains("line 3").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(png).doesNotExist();
    }

    @Test
    void usageErrorsExitWith64() throws IOException {
        Path p = preset("seed1_worker_waits.py");
        assertThat(cli("render", p.toString()).code()).isEqualTo(64);
        assertThat(cli("render", p.toString(), "--png", "x.png", "--at-step", "1", "--at-time", "2").code()).isEqualTo(64);
        assertThat(cli("render", p.toString(), "--png", "x.png", "--width", "5").code()).isEqualTo(64);
        assertThat(cli("render", p.toString(), "--png", "x.png", "--lang", "fr").err()).contains("--lang must be en or zh");
        assertThat(cli("render", p.toString(), "--png", "x.png", "--zoom", "400").err()).contains("--zoom must be a percentage from 50 to 300");
        assertThat(cli("render", p.toString(), "--png", "x.png", "--zoom", "big").code()).isEqualTo(64);
        assertThat(cli("render", p.toString(), "--png", "x.png", "--presentation").err()).contains("give --window too");
        Outcome theme = cli("render", p.toString(), "--png", "x.png", "--theme", "pink");
        assertThat(theme.code()).isEqualTo(64);
        assertThat(theme.err()).contains("--theme must be light, dark or contrast, not 'pink'");
    }

    @Test
    void theWindowInPresentationModeAndAtAZoomIsPicturedAsTheWindowShowsIt() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        WindowPictures.beforeClose = scene -> seen.set(scene.lookup("#toolbar").isVisible() + " "
                + scene.lookup("#lessonCaption").isVisible() + " " + scene.lookup("#zoomLevel").getAccessibleText());
        try {
            Outcome o = cli("render", preset("move_on_after.py").toString(), "--png", dir.resolve("p.png").toString(),
                    "--window", "--presentation", "--zoom", "200%", "--width", "1280", "--height", "800");
            assertThat(o.code()).as(o.err()).isZero();
        } finally {
            WindowPictures.beforeClose = null;
        }
        assertThat(seen.get()).startsWith("false true").endsWith("200 %");
        assertThat(dir.resolve("p.png")).exists();
    }

    /** The share of a picture's pixels darker than a mid grey. */
    private static double darkShare(Path png) throws IOException {
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3 < 100) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) img.getWidth() * img.getHeight());
    }

    @Test
    void drawsInTheThemeAskedFor() throws IOException {
        Path p = preset("seed1_worker_waits.py");
        Path light = dir.resolve("light.png");
        Path dark = dir.resolve("dark.png");
        assertThat(cli("render", p.toString(), "--png", light.toString(), "--window", "--width", "1024", "--height", "768")
                .code()).isZero();
        assertThat(cli("render", p.toString(), "--png", dark.toString(), "--window", "--width", "1024", "--height", "768",
                "--theme", "dark").code()).isZero();
        assertThat(darkShare(light)).as("light").isLessThan(0.2);
        assertThat(darkShare(dark)).as("dark").isGreaterThan(0.6);
        // And the next picture is light again, unless asked otherwise.
        assertThat(cli("render", p.toString(), "--png", light.toString(), "--window", "--width", "1024", "--height", "768")
                .code()).isZero();
        assertThat(darkShare(light)).as("light again").isLessThan(0.2);
    }
}
