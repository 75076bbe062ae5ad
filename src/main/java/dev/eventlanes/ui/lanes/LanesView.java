package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Styles;
import dev.eventlanes.ui.timeline.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * The lanes: a header per task (real nodes, styled by state pseudo-classes, with the lane's action
 * menu) beside one canvas that draws the ruler, every lane's history, poll marks, wake-up arrows
 * and the playhead. The canvas only ever covers the viewport, and each frame draws just the
 * segments inside it (found by binary search), so 100 lanes cost the same at step 10 as at step
 * 1,000,000.
 */
public final class LanesView extends Region {
    private static final double BASE_ROW = 64;
    private static final double BASE_RULER = 40;
    private static final double BASE_HEADER = 250;

    private final I18n i18n;
    private final Canvas canvas = new Canvas();
    private final Pane headers = new Pane();
    private final ScrollBar vbar = new ScrollBar();
    private final Patterns patterns = new Patterns();
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final DoubleProperty pxPerUnit = new SimpleDoubleProperty(160);
    private final IntegerProperty selectedTask = new SimpleIntegerProperty(-1);
    private final List<Header> headerNodes = new ArrayList<>();
    private Timeline timeline;
    private int position;
    private double shownUnit;
    private IntFunction<Node> actions = t -> null;
    private int[] rowOfTask = new int[0];
    private int[] taskOfRow = new int[0];
    private int rowsFor = -1;
    private Font font;
    private Font smallFont;
    private Font boldFont;

    /** One lane's header. */
    private final class Header extends HBox {
        final int task;
        final Label name = new Label();
        final Label state = new Label();
        final Rectangle chip = new Rectangle(10, 10);
        Node actionsNode;
        String lastState = "";

        Header(int task) {
            this.task = task;
            getStyleClass().add(Styles.LANE_HEADER);
            name.getStyleClass().add(Styles.LANE_NAME);
            state.getStyleClass().add(Styles.LANE_STATE);
            chip.setFill(Styles.taskColor(task));
            VBox texts = new VBox(name, state);
            texts.setMinWidth(0);
            getChildren().addAll(chip, texts);
            setFocusTraversable(false);
            // Placed by LanesView.layoutChildren, not sized to content by the parent Pane.
            setManaged(false);
            setAccessibleRole(AccessibleRole.TEXT);
            setOnMouseClicked(e -> selectedTask.set(selectedTask.get() == task ? -1 : task));
        }
    }

    public LanesView(I18n i18n) {
        this.i18n = i18n;
        getStyleClass().add("lanes");
        setAccessibleText(i18n.get("lanes.tip"));
        i18n.localeProperty().addListener((o, a, b) -> {
            setAccessibleText(i18n.get("lanes.tip"));
            for (Header h : headerNodes) {
                h.lastState = "";
            }
            redraw();
        });
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.valueProperty().addListener((o, a, b) -> requestLayout());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(headers.widthProperty());
        clip.heightProperty().bind(headers.heightProperty());
        headers.setClip(clip);
        headers.setManaged(false);
        canvas.setManaged(false);
        vbar.setManaged(false);
        getChildren().addAll(canvas, headers, vbar);
        scale.addListener((o, a, b) -> {
            fonts();
            requestLayout();
            redraw();
        });
        selectedTask.addListener((o, a, b) -> {
            for (Header h : headerNodes) {
                h.pseudoClassStateChanged(Styles.SELECTED, h.task == b.intValue());
            }
            redraw();
        });
        canvas.setOnMouseClicked(e -> {
            int row = (int) Math.floor((e.getY() - ruler() + vbar.getValue()) / row());
            if (e.getY() > ruler() && row >= 0 && row < visibleRows()) {
                int t = taskOfRow[row];
                selectedTask.set(selectedTask.get() == t ? -1 : t);
            }
        });
        setOnScroll(e -> {
            if (e.isControlDown()) {
                double f = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
                pxPerUnit.set(Math.max(10, Math.min(2000, pxPerUnit.get() * f)));
            } else {
                vbar.setValue(Math.max(vbar.getMin(), Math.min(vbar.getMax(), vbar.getValue() - e.getDeltaY())));
            }
            redraw();
            e.consume();
        });
        fonts();
    }

    private void fonts() {
        double s = scale.get();
        font = Font.font("System", 17 * s);
        smallFont = Font.font("System", 15 * s);
        boldFont = Font.font("System", FontWeight.BOLD, 17 * s);
    }

    private double row() {
        return BASE_ROW * scale.get();
    }

    private double ruler() {
        return BASE_RULER * scale.get();
    }

    private double headerWidth() {
        return BASE_HEADER * scale.get();
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** Horizontal zoom: pixels per layout unit (a virtual second or a step gap). */
    public DoubleProperty pxPerUnitProperty() {
        return pxPerUnit;
    }

    public IntegerProperty selectedTaskProperty() {
        return selectedTask;
    }

    /** What a lane's action menu is (null for none), built when the lane first appears. */
    public void setActionsFactory(IntFunction<Node> f) {
        this.actions = f;
        for (Header h : headerNodes) {
            h.getChildren().remove(h.actionsNode);
        }
        headerNodes.clear();
        headers.getChildren().clear();
        rowsFor = -1;
    }

    /** Shows the timeline after k entries, the playhead at the last entry shown. */
    public void show(Timeline tl, int k) {
        show(tl, k, tl.unitAt(k));
    }

    /**
     * Shows the timeline after k entries with the playhead at {@code unit}: segments are drawn up
     * to it, so while playing the lanes grow smoothly through a sleep, and a step can glide.
     */
    public void show(Timeline tl, int k, double unit) {
        if (tl != timeline) {
            timeline = tl;
            headerNodes.clear();
            headers.getChildren().clear();
            rowsFor = -1;
        }
        position = k;
        shownUnit = unit;
        redraw();
    }

    /** Smooth playhead: the view may lag behind the position and glide there (see MainView). */
    public int position() {
        return position;
    }

    private int visibleRows() {
        return timeline == null ? 0 : timeline.laneCountAt(position);
    }

    /** Rows for the first m lanes: each child right under its parent (depth-first, by spawn order). */
    private void layoutRows(int m) {
        if (m == rowsFor) {
            return;
        }
        rowsFor = m;
        taskOfRow = new int[m];
        rowOfTask = new int[m];
        Arrays.fill(rowOfTask, -1);
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            children.add(new ArrayList<>());
        }
        List<Integer> roots = new ArrayList<>();
        for (int t = 0; t < m; t++) {
            Timeline.Lane l = timeline.lanes().get(t);
            int p = l == null ? -1 : l.parent();
            if (p >= 0 && p < m && p != t) {
                children.get(p).add(t);
            } else {
                roots.add(t);
            }
        }
        int[] n = {0};
        ArrayDeque stack = new ArrayDeque();
        for (int r = roots.size() - 1; r >= 0; r--) {
            stack.push(roots.get(r));
        }
        while (!stack.isEmpty()) {
            int t = stack.pop();
            if (rowOfTask[t] >= 0) {
                continue;
            }
            rowOfTask[t] = n[0];
            taskOfRow[n[0]++] = t;
            List<Integer> cs = children.get(t);
            for (int c = cs.size() - 1; c >= 0; c--) {
                stack.push(cs.get(c));
            }
        }
        while (headerNodes.size() < m) {
            Header h = new Header(headerNodes.size());
            Node a = actions.apply(h.task);
            if (a != null) {
                h.actionsNode = a;
                Region spacer = new Region();
                HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
                h.getChildren().addAll(spacer, a);
            }
            h.pseudoClassStateChanged(Styles.SELECTED, h.task == selectedTask.get());
            headerNodes.add(h);
            headers.getChildren().add(h);
        }
        requestLayout();
    }

    /** Tiny int stack without boxing churn worth worrying about. */
    private static final class ArrayDeque {
        private int[] a = new int[16];
        private int size;

        void push(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int pop() {
            return a[--size];
        }

        boolean isEmpty() {
            return size == 0;
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double hw = headerWidth();
        double sb = vbar.prefWidth(-1);
        int m = visibleRows();
        double content = m * row();
        double view = Math.max(0, h - ruler());
        vbar.setMin(0);
        vbar.setMax(Math.max(0, content - view));
        vbar.setVisibleAmount(view);
        vbar.setVisible(content > view);
        if (vbar.getValue() > vbar.getMax()) {
            vbar.setValue(vbar.getMax());
        }
        vbar.resizeRelocate(w - sb, ruler(), sb, view);
        headers.resizeRelocate(0, ruler(), hw, view);
        double cw = Math.max(0, w - hw - (vbar.isVisible() ? sb : 0));
        canvas.setLayoutX(hw);
        if (canvas.getWidth() != cw || canvas.getHeight() != h) {
            canvas.setWidth(cw);
            canvas.setHeight(h);
        }
        double first = vbar.getValue() - row();
        double last = vbar.getValue() + view;
        for (Header hd : headerNodes) {
            boolean on = hd.task < m && hd.task < rowOfTask.length && rowOfTask[hd.task] >= 0;
            double y = on ? rowOfTask[hd.task] * row() : 0;
            // Off-screen headers are hidden, not just clipped, so they cost nothing to render.
            on = on && y >= first && y <= last;
            hd.setVisible(on);
            if (on) {
                hd.resizeRelocate(0, y - vbar.getValue(), hw, row() - 2);
            }
        }
        redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    /** Redraws the canvas for the position shown. */
    public void redraw() {
        if (timeline == null) {
            return;
        }
        int m = visibleRows();
        layoutRows(m);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#fbfbfd"));
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        double ppu = fitScale(w);
        double widthUnits = w / ppu;
        double u0 = Math.max(0, shownUnit - widthUnits / 1.08);
        double u1 = u0 + widthUnits;
        TraceLog log = timeline.log();
        double rh = row();
        double top = ruler();
        double scroll = vbar.getValue();
        int firstRow = Math.max(0, (int) Math.floor(scroll / rh));
        int lastRow = Math.min(m - 1, (int) Math.ceil((scroll + h - top) / rh));
        updateHeaders(firstRow, lastRow);
        g.setTextBaseline(VPos.CENTER);
        // Lanes.
        for (int r = firstRow; r <= lastRow; r++) {
            int t = taskOfRow[r];
            Timeline.Lane lane = timeline.lanes().get(t);
            double y = top + r * rh - scroll;
            if (r % 2 == 1) {
                g.setFill(Color.web("#f1f3f7"));
                g.fillRect(0, y, w, rh);
            }
            if (t == selectedTask.get()) {
                g.setFill(Color.web("#fff4cc"));
                g.fillRect(0, y, w, rh);
            }
            if (lane == null) {
                continue;
            }
            drawLane(g, log, lane, y + rh * 0.18, rh * 0.64, u0, u1, ppu);
        }
        // Wake-up arrows, over the lanes.
        int na = timeline.arrowCountAt(position);
        double lastArrowX = 1e12;
        tagLeft.clear();
        g.setLineWidth(2.5 * scale.get());
        for (int a = na - 1; a >= 0; a--) {
            Timeline.Arrow ar = timeline.arrows().get(a);
            double ua = timeline.unitOf(ar.index());
            if (ua < u0) {
                break;
            }
            if (ua > u1 || ua > shownUnit) {
                continue;
            }
            double x = (ua - u0) * ppu;
            if (lastArrowX - x < 6 * scale.get()) {
                continue;
            }
            lastArrowX = x;
            double yFrom = ar.fromTask() >= 0 && ar.fromTask() < rowOfTask.length && rowOfTask[ar.fromTask()] >= 0
                    ? top + rowOfTask[ar.fromTask()] * rh - scroll + rh / 2 : top;
            for (int to : ar.toTasks()) {
                if (to < 0 || to >= rowOfTask.length || rowOfTask[to] < 0) {
                    continue;
                }
                double yTo = top + rowOfTask[to] * rh - scroll + rh / 2;
                arrow(g, x, yFrom, x + 14 * scale.get(), yTo);
            }
            g.setFill(Color.web("#c0392b"));
            g.fillOval(x - 6 * scale.get(), yFrom - 6 * scale.get(), 12 * scale.get(), 12 * scale.get());
            if (ar.event() >= 0 && ar.event() < timeline.events().size() && timeline.events().get(ar.event()) != null) {
                // The call that caused the wake-ups, on a white tag so it reads over any lane.
                String tag = timeline.events().get(ar.event()).name() + ".set()";
                double tw = tag.length() * 10.5 * scale.get() + 10;
                double th = 24 * scale.get();
                double tx = Math.max(2, x - tw - 10 * scale.get());
                // A click from outside has no lane: its tag sits just under the ruler, not on it.
                double ty = ar.fromTask() >= 0 ? yFrom - th / 2 : top + 3 * scale.get();
                // Arrows are visited right to left: a tag that would overlap the one to its right
                // on the same row is left out (the arrow itself still shows).
                int key = (int) Math.round(yFrom);
                Double leftOfNext = tagLeft.get(key);
                if (leftOfNext != null && tx + tw + 4 > leftOfNext) {
                    continue;
                }
                tagLeft.put(key, tx);
                g.setFill(Color.rgb(255, 255, 255, 0.92));
                g.fillRoundRect(tx, ty, tw, th, 8, 8);
                g.setStroke(Color.web("#c0392b"));
                g.setLineWidth(1.5);
                g.strokeRoundRect(tx, ty, tw, th, 8, 8);
                g.setFill(Color.web("#c0392b"));
                g.setFont(boldFont);
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(tag, tx + tw / 2, ty + th / 2);
                g.setLineWidth(2.5 * scale.get());
            }
        }
        drawRuler(g, log, w, u0, u1, ppu);
        // Playhead.
        double xp = (shownUnit - u0) * ppu;
        g.setStroke(Color.web("#d62d20"));
        g.setLineWidth(3 * scale.get());
        g.strokeLine(xp, top, xp, h);
        g.setFill(Color.web("#d62d20"));
        double s = 9 * scale.get();
        g.fillPolygon(new double[] {xp - s, xp + s, xp}, new double[] {top - s * 1.4, top - s * 1.4, top}, 3);
    }

    /**
     * Pixels per unit: the chosen zoom, halved as often as needed (down to a readable minimum) so
     * the run so far fits; after that the view follows the playhead. Halving in whole steps keeps
     * the picture still while playing instead of shrinking it every frame.
     */
    private double fitScale(double w) {
        double ppu = pxPerUnit.get() * scale.get();
        double min = 40 * scale.get();
        double need = Math.max(1, shownUnit) * 1.08;
        while (ppu / 2 >= min && need * ppu > w) {
            ppu /= 2;
        }
        return ppu;
    }

    private void arrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
        g.setStroke(Color.web("#c0392b"));
        g.strokeLine(x1, y1, x2, y2);
        double ang = Math.atan2(y2 - y1, x2 - x1);
        double len = 12 * scale.get();
        g.setFill(Color.web("#c0392b"));
        g.fillPolygon(new double[] {x2, x2 - len * Math.cos(ang - 0.45), x2 - len * Math.cos(ang + 0.45)},
                new double[] {y2, y2 - len * Math.sin(ang - 0.45), y2 - len * Math.sin(ang + 0.45)}, 3);
    }

    private void drawLane(GraphicsContext g, TraceLog log, Timeline.Lane lane, double y, double bh,
                          double u0, double u1, double ppu) {
        int last = lane.segmentAt(position);
        if (last < 0) {
            return;
        }
        int first = Math.max(0, lane.segmentAt(timeline.positionAtUnit(u0)));
        for (int s = first; s <= last; s++) {
            double sa = timeline.unitOf(lane.segmentStart(s));
            double sb = s < last ? Math.min(shownUnit, timeline.unitOf(lane.segmentStart(s + 1))) : shownUnit;
            if (sa > u1 || sa > shownUnit) {
                break;
            }
            if (sb < u0) {
                continue;
            }
            TaskState st = lane.segmentState(s);
            double x = (Math.max(sa, u0) - u0) * ppu;
            double xe = (Math.min(sb, u1) - u0) * ppu;
            if (xe - x < 1 && s < last) {
                // Level of detail: many segments inside one pixel column draw as one column, and the
                // loop jumps (by binary search) to the segment at the next pixel, so a busy run costs
                // per pixel, not per segment; neighbouring columns of one state merge into one rect.
                double px = Math.floor(x);
                if (runState == st && px <= runEnd) {
                    runEnd = px + 1;
                } else {
                    flushRun(g, y, bh);
                    runState = st;
                    runStart = px;
                    runEnd = px + 1;
                }
                double nextUnit = u0 + (px + 1) / ppu;
                int ns = lane.segmentAt(timeline.positionAtUnit(nextUnit));
                s = Math.max(s, ns - 1);
                continue;
            }
            flushRun(g, y, bh);
            double wdt = Math.max(st.isFinished() ? 0 : 2, xe - x);
            double yy = y;
            double hh = bh;
            if (st == TaskState.DONE || st == TaskState.CANCELLED) {
                yy = y + bh * 0.4;
                hh = bh * 0.2;
            }
            g.setFill(Styles.laneColor(st));
            g.fillRect(x, yy, wdt, hh);
            Paint p = patterns.overlay(st);
            if (p != null) {
                g.setFill(p);
                g.fillRect(x, yy, wdt, hh);
            }
            if (st == TaskState.RUNNING) {
                g.setStroke(Color.web("#14532d"));
                g.setLineWidth(2);
                g.strokeRect(x, yy, wdt, hh);
            }
            String label = segmentLabel(st, lane.segmentEvent(s), log, lane.segmentStart(s));
            if (wdt > textWidth(label) + 12) {
                g.setFont(st == TaskState.RUNNING ? boldFont : font);
                boolean darkText = st == TaskState.READY || st == TaskState.DONE || st == TaskState.CANCELLED;
                g.setFill(darkText ? Color.web("#1d1d1f") : Color.WHITE);
                g.setTextAlign(TextAlignment.LEFT);
                double ty = st == TaskState.DONE || st == TaskState.CANCELLED ? y + bh * 0.1 : y + bh / 2;
                if (darkText && (st == TaskState.DONE || st == TaskState.CANCELLED)) {
                    g.setFill(Color.web("#444"));
                }
                g.fillText(label, x + 6, ty);
            }
        }
        flushRun(g, y, bh);
        // Polls: a ring with T or F, readable without colour.
        int np = lane.pollCount();
        double lastPollX = -1e9;
        for (int p = lane.pollsBelow(timeline.positionAtUnit(u0) - 1); p < np; p++) {
            int i = lane.pollIndex(p);
            if (i >= position) {
                break;
            }
            double up = timeline.unitOf(i);
            if (up > u1 || up > shownUnit) {
                break;
            }
            if (up < u0 || (up - u0) * ppu - lastPollX < 28 * scale.get()) {
                continue;
            }
            lastPollX = (up - u0) * ppu;
            boolean v = log.value(i) != 0;
            double x = (up - u0) * ppu;
            double r = 13 * scale.get();
            g.setFill(v ? Color.web("#1e8e3e") : Color.web("#ffffff"));
            g.fillOval(x - r, y + bh / 2 - r, 2 * r, 2 * r);
            g.setStroke(Color.web("#1d1d1f"));
            g.setLineWidth(2);
            g.strokeOval(x - r, y + bh / 2 - r, 2 * r, 2 * r);
            g.setFill(v ? Color.WHITE : Color.web("#1d1d1f"));
            g.setFont(boldFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(v ? "T" : "F", x, y + bh / 2);
        }
    }

    /** A cheap width estimate (no text layout per frame): CJK glyphs are about twice as wide. */
    private double textWidth(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 18 : 10;
        }
        return w * scale.get();
    }

    private final java.util.HashMap<Integer, Double> tagLeft = new java.util.HashMap<>();
    private TaskState runState;
    private double runStart;
    private double runEnd;

    /** Draws the pending run of sub-pixel columns (see drawLane), if any. */
    private void flushRun(GraphicsContext g, double y, double bh) {
        if (runState != null) {
            g.setFill(Styles.laneColor(runState));
            g.fillRect(runStart, y, runEnd - runStart, bh);
            runState = null;
        }
    }

    private String segmentLabel(TaskState st, int event, TraceLog log, int start) {
        if (st == TaskState.WAITING && event < 0 && log != null && log.kind(start) == dev.eventlanes.model.TraceKind.SUSPEND
                && "children".equals(log.text(start))) {
            return i18n.get("state.WAITING.children");
        }
        if (st == TaskState.WAITING && event >= 0 && event < timeline.events().size()
                && timeline.events().get(event) != null) {
            return i18n.get("state.WAITING.on", timeline.events().get(event).name());
        }
        return i18n.get("state." + st.name());
    }

    private void drawRuler(GraphicsContext g, TraceLog log, double w, double u0, double u1, double ppu) {
        double top = ruler();
        g.setFill(Color.web("#e9ecf2"));
        g.fillRect(0, 0, w, top);
        g.setStroke(Color.web("#9aa3b2"));
        g.setLineWidth(1);
        g.strokeLine(0, top, w, top);
        g.setFont(smallFont);
        g.setFill(Color.web("#1d1d1f"));
        g.setTextAlign(TextAlignment.LEFT);
        double lastX = -1e9;
        if (u0 <= 0) {
            g.fillText("t=0", 4, top / 2);
            lastX = 4;
        }
        int j = Math.max(0, timeline.clockJumpsBelow(timeline.positionAtUnit(u0)));
        int n = timeline.clockJumpsBelow(position);
        double minGap = 70 * scale.get();
        double lastTick = -1e9;
        for (; j < n; j++) {
            int i = timeline.clockJump(j);
            double u = timeline.unitOf(i);
            if (u > u1) {
                break;
            }
            double x = (u - u0) * ppu;
            if (x < 0) {
                continue;
            }
            if (x - lastTick < 5) {
                continue;
            }
            lastTick = x;
            g.strokeLine(x, top * 0.6, x, top);
            String label = "t=" + Loop.formatTime(log.time(i));
            if (x - lastX >= minGap) {
                g.fillText(label, x + 3, top / 2);
                lastX = x;
                minGap = Math.max(70 * scale.get(), textWidth(label) * 0.85 + 14 * scale.get());
            }
        }
    }

    /** Only rows on screen: off-screen headers keep stale text until scrolled to (cheap pulses). */
    private void updateHeaders(int firstRow, int lastRow) {
        for (int r = firstRow; r <= lastRow; r++) {
            int t = taskOfRow[r];
            if (t >= headerNodes.size()) {
                continue;
            }
            Header h = headerNodes.get(t);
            Timeline.Lane lane = timeline.lanes().get(t);
            if (lane == null) {
                continue;
            }
            int s = lane.segmentAt(position);
            TaskState st = s < 0 ? TaskState.READY : lane.segmentState(s);
            String text = s < 0 ? segmentLabel(st, -1, null, 0)
                    : segmentLabel(st, lane.segmentEvent(s), timeline.log(), lane.segmentStart(s));
            if (!text.equals(h.lastState)) {
                h.lastState = text;
                h.name.setText(lane.name());
                h.state.setText(text);
                Styles.applyState(h, st);
                h.setAccessibleText(i18n.get("lane.tip", lane.name(), text));
            }
        }
    }

    /** The header node of a task, for tests and accessibility tools. */
    public Node headerOf(int task) {
        return task < headerNodes.size() ? headerNodes.get(task) : null;
    }

    /** The state text a lane header shows. */
    public String stateTextOf(int task) {
        return task < headerNodes.size() ? headerNodes.get(task).state.getText() : null;
    }
}
