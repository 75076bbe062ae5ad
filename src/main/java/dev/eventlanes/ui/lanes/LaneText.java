package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.SceneWords;
import dev.eventlanes.scene.TextMetrics;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Styles;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The lanes' words and fonts: what each label says in the window's language ({@link SceneWords})
 * and how wide it is drawn ({@link TextMetrics}), so the scene places labels by their real size.
 * Made anew for each language and window scale.
 */
public final class LaneText implements SceneWords, TextMetrics {
    /** Font sizes at scale 1, by role. */
    private static final Map<Role, Double> SIZES = Map.of(Role.SEGMENT, 16.0, Role.SEGMENT_BOLD, 16.0, Role.MARK, 15.0,
            Role.TICK, 15.0, Role.BAND, 13.0, Role.LATENCY, 13.0);

    private final I18n i18n;
    private final double scale;
    private final Map<Role, Font> fonts = new EnumMap<>(Role.class);
    private final Text measure = new Text();
    private final Map<Role, Map<String, Double>> widths = new EnumMap<>(Role.class);
    private final Map<String, String> said = new HashMap<>();
    /** Per event name: "waiting on e", "e.set()", "e.clear()", "e.wait()" (made once; asked every frame). */
    private final Map<String, String> waitingOn = new HashMap<>();
    private final Map<String, String> sets = new HashMap<>();
    private final Map<String, String> clears = new HashMap<>();
    private final Map<String, String> waits = new HashMap<>();

    public LaneText(I18n i18n, double scale) {
        this.i18n = i18n;
        this.scale = scale;
        String chinese = Styles.uiFamily(i18n.locale());
        String family = chinese != null ? chinese : "System";
        for (Role r : Role.values()) {
            boolean bold = r == Role.SEGMENT_BOLD || r == Role.MARK;
            fonts.put(r, Font.font(family, bold ? FontWeight.BOLD : FontWeight.NORMAL, SIZES.get(r) * scale));
            widths.put(r, new HashMap<>());
        }
    }

    public double scale() {
        return scale;
    }

    public I18n i18n() {
        return i18n;
    }

    public Font font(Role role) {
        return fonts.get(role);
    }

    @Override
    public double width(String text, Role role) {
        return widths.get(role).computeIfAbsent(text, t -> {
            measure.setFont(fonts.get(role));
            measure.setText(t);
            return Math.ceil(measure.getLayoutBounds().getWidth());
        });
    }

    @Override
    public double height(Role role) {
        return Math.ceil(fonts.get(role).getSize() * 1.25);
    }

    // ------------------------------------------------------------------ words

    private String get(String key, Object... args) {
        if (args.length == 0) {
            return said.computeIfAbsent(key, i18n::get);
        }
        return i18n.get(key, args);
    }

    @Override
    public String state(TaskState state, String event, String reason) {
        if (state == TaskState.WAITING && event != null) {
            return waitingOn.computeIfAbsent(event, k -> i18n.get("state.WAITING.on", k));
        }
        if (state == TaskState.WAITING && "idle".equals(reason)) {
            return get("state.WAITING.idle");
        }
        if (state == TaskState.WAITING && reason != null && !reason.isEmpty()) {
            return get("lane.waiting." + reason);
        }
        return get("state." + state.name());
    }

    @Override
    public String mark(TraceIndex.MarkKind kind, String event, String detail) {
        String ev = event == null ? "?" : event;
        return switch (kind) {
            case SET, SET_AGAIN -> sets.computeIfAbsent(ev, k -> k + ".set()");
            case CLEAR -> clears.computeIfAbsent(ev, k -> k + ".clear()");
            case WAIT_SET -> waits.computeIfAbsent(ev, k -> k + ".wait()");
            case CANCEL -> detail;
            case FAIL -> lastLine(detail);
            case ERROR -> {
                // A refusal's hint in brackets is for the hover; the label keeps the first words.
                String t = lastLine(detail);
                int cut = t.indexOf(" (");
                yield cut > 0 ? t.substring(0, cut) : t;
            }
            case POLL, FOREVER -> "";
        };
    }

    /** An exception's text as its traceback's last line shows it, cut short for a label. */
    static String lastLine(String detail) {
        String s = detail == null ? "" : detail.strip();
        int nl = s.lastIndexOf('\n');
        if (nl >= 0) {
            s = s.substring(nl + 1);
        }
        return s.length() > 48 ? s.substring(0, 47) + "\u2026" : s;
    }

    /** Ruler times made so far: the ruler asks for the same ones on every frame. */
    private final Map<Long, String> ticks = new HashMap<>();

    @Override
    public String tick(double seconds, int decimals) {
        long key = Double.doubleToLongBits(seconds) * 31 + decimals;
        String t = ticks.get(key);
        if (t == null) {
            if (ticks.size() > 4096) {
                ticks.clear();
            }
            t = i18n.get("ruler.tick", String.format(java.util.Locale.ROOT, "%." + decimals + "f", seconds));
            ticks.put(key, t);
        }
        return t;
    }

    @Override
    public String band(double seconds, int steps) {
        return i18n.get("ruler.band", Loop.formatTime(seconds), steps);
    }

    @Override
    public String latency(double seconds) {
        return seconds < 5e-4 ? get("latency.atOnce") : i18n.get("latency.late", Loop.formatTime(seconds));
    }

    @Override
    public String forever() {
        return get("mark.forever");
    }
}
