package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.Axis;
import dev.eventlanes.scene.RowOrder;
import dev.eventlanes.scene.Scene;
import dev.eventlanes.scene.SceneBuilder;
import dev.eventlanes.scene.SceneDiff;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Palette;
import dev.eventlanes.ui.Styles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The lanes: a header per task (real nodes, styled by state pseudo-classes, with the lane's action
 * menu) beside the drawing of the ruler, every lane's history, marks, wake-up arrows and latencies
 * and the playhead. What is drawn where is the {@link Scene} of the moment shown
 * ({@link SceneBuilder}); this view only keeps the zoom, builds the scene for its size and paints it.
 *
 * <p>The drawing is kept in tiles {@link #TILE} pixels wide. While the run plays, consecutive
 * scenes differ only near the playhead and where a label appeared ({@link SceneDiff}), so a frame
 * repaints those pieces of the tiles it touches; software rendering pays per pixel, and JavaFX
 * puts a whole canvas on screen again when any of it changed. Anything that moves the picture
 * (another run, a zoom or pan, a page turn, a resize, scrolling the lanes, selecting one, another
 * language) repaints all tiles. {@link #drawFromScratch()} paints the same scene in one go, for
 * tests.
 *
 * <p>The time axis zooms and pans like a trace viewer: W / S (or Ctrl+wheel) zoom at the pointer,
 * A / D (or Shift+wheel, or dragging) pan, F fits the whole run. Zoom and pan belong to the run
 * shown: opening another starts fitted again. Unless the user panned, the view turns a page at a
 * time as the playhead nears its right edge, like a score.
 */
public final class LanesView extends Region {
    private static final double BASE_HEADER = 250;
    /**
     * Width of a tile: a multiple of the patterns' size, so every tile anchors them alike. Narrow,
     * because JavaFX puts a whole canvas on screen again when any of it changed: a frame's
     * repairs near the playhead then cost two columns of 48 pixels, not two of 96.
     */
    static final int TILE = 4 * Patterns.SIZE;
    /** How much each W / S, or a wheel notch with Ctrl, zooms. */
    static final double ZOOM_STEP = 1.25;

    private final I18n i18n;
    private final ScenePainter painter = new ScenePainter();
    private final Pane surface = new Pane();
    private final Rectangle surfaceClip = new Rectangle();
    private final Group tileLayer = new Group();
    private final List<Tile> tiles = new ArrayList<>();
    private final Canvas playhead = new Canvas();
    private final Pane headers = new Pane();
    private final ScrollBar vbar = new ScrollBar();
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final IntegerProperty selectedTask = new SimpleIntegerProperty(-1);
    private final List<Header> headerNodes = new ArrayList<>();
    private final Tooltip tip = new Tooltip();
    private SceneTips tips;
    private TraceIndex index;
    private int position;
    private double shownUnit;
    private boolean deadlocked;
    private IntFunction<Node> actions = t -> null;
    private int[] taskOfRow = new int[0];
    private int rowsFor = -1;
    private double viewW;
    private double viewH;
    private LaneText text;

    // The zoom of the run shown (NaN until it is fitted) and, once the user pans, where the view starts.
    private double pps = Double.NaN;
    /** The view's width the zoom was fitted to, or 0 once the user zoomed. */
    private double fittedWidth;
    private double slotScale = Double.NaN;
    private boolean follow = true;
    private double panStart;
    private double x0;
    private Axis axis;
    private double dragFrom = Double.NaN;
    private double dragStart;
    private double pointerX = Double.NaN;

    // What the tiles show.
    private Scene drawn;
    private TraceIndex drawnIndex;
    private int drawnSelected = -2;
    private LaneText drawnText;
    /** Everything a drawing depends on; the same stamp draws the same picture. */
    private record Stamp(TraceIndex index, int size, int position, double unit, double w, double h, double scroll,
                         double pps, double slotScale, boolean follow, double panStart, int selected, LaneText text,
                         boolean deadlocked, int[] rows) {
        /** Written out: asked every frame, and a record's own equals goes through method handles. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Stamp t && position == t.position && unit == t.unit && size == t.size && index == t.index
                    && w == t.w && h == t.h && scroll == t.scroll && pps == t.pps && slotScale == t.slotScale
                    && follow == t.follow && panStart == t.panStart && selected == t.selected && text == t.text
                    && deadlocked == t.deadlocked && rows == t.rows;
        }

        @Override
        public int hashCode() {
            return position;
        }
    }

    private Stamp drawnStamp;

    /** What makes two scenes pictures of the same frame: one may extend the other. */
    private record Frame(TraceIndex index, double pps, double slotScale, double scale, double x0, double w, double h,
                         double scroll, int[] rows, LaneText text, boolean deadlocked) {
        /** Written out, as {@link Stamp#equals}. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && index == f.index && pps == f.pps && slotScale == f.slotScale
                    && scale == f.scale && x0 == f.x0 && w == f.w && h == f.h && scroll == f.scroll && rows == f.rows
                    && text == f.text && deadlocked == f.deadlocked;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(x0);
        }
    }

    private Frame drawnFrame;
    /** Counters for the frame benchmark: frames, frames that repainted everything, pieces repaired. */
    private final long[] stats = new long[4];

    /** One lane's header. */
    private final class Header extends HBox {
        final int task;
        final Label name = new Label();
        final Label state = new Label();
        final Rectangle chip = new Rectangle(10, 10);
        /**
         * The name and the state. The state's label is styled by the task's state ({@code
         * :running}, {@code :waiting}...), the name only by {@code :done} and {@code :cancelled}:
         * a pseudo-class restyles the node it is on and all under it, and a change of state (many
         * a second while playing) should restyle the one label that shows it, not the header's
         * other nodes too.
         */
        final VBox texts;
        Node actionsNode;
        String lastState = "";
        String lastName = "";

        Header(int task) {
            this.task = task;
            getStyleClass().add(Styles.LANE_HEADER);
            name.getStyleClass().add(Styles.LANE_NAME);
            state.getStyleClass().add(Styles.LANE_STATE);
            chip.setFill(painter.palette().task(task));
            texts = new VBox(name, state);
            texts.getStyleClass().add(Styles.LANE_TEXTS);
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
            text = null;
            redraw();
        });
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.valueProperty().addListener((o, a, b) -> requestLayout());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(headers.widthProperty());
        clip.heightProperty().bind(headers.heightProperty());
        headers.setClip(clip);
        headers.setManaged(false);
        surface.setManaged(false);
        surface.setClip(surfaceClip);
        tileLayer.setManaged(false);
        playhead.setManaged(false);
        playhead.setMouseTransparent(true);
        surface.getChildren().addAll(tileLayer, playhead);
        vbar.setManaged(false);
        getChildren().addAll(surface, headers, vbar);
        scale.addListener((o, a, b) -> {
            // The zoom of the time axis is in pixels: it scales with the window.
            if (!Double.isNaN(pps) && a.doubleValue() > 0) {
                double f = b.doubleValue() / a.doubleValue();
                pps *= f;
                slotScale *= f;
                panStart *= f;
            }
            text = null;
            requestLayout();
            redraw();
        });
        selectedTask.addListener((o, a, b) -> {
            for (Header h : headerNodes) {
                h.pseudoClassStateChanged(Styles.SELECTED, h.task == b.intValue());
            }
            redraw();
        });
        tip.setShowDelay(Duration.millis(150));
        tip.setHideDelay(Duration.millis(100));
        tip.setShowDuration(Duration.seconds(30));
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        surface.setOnMouseMoved(e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        surface.setOnMouseExited(e -> {
            pointerX = Double.NaN;
            hoverDelay.stop();
            tip.hide();
        });
        surface.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragFrom = e.getX();
                dragStart = x0;
            }
        });
        surface.setOnMouseDragged(e -> {
            if (!Double.isNaN(dragFrom) && Math.abs(e.getX() - dragFrom) > 3) {
                panTo(dragStart - (e.getX() - dragFrom));
            }
        });
        surface.setOnMouseReleased(e -> {
            boolean click = !Double.isNaN(dragFrom) && Math.abs(e.getX() - dragFrom) <= 3;
            dragFrom = Double.NaN;
            if (click) {
                clicked(e.getX(), e.getY());
                // A click tells what is there at once, as hovering does after a moment.
                String t = tipAt(e.getX(), e.getY());
                if (t != null && !t.isEmpty()) {
                    tip.setText(t);
                    tip.show(surface, e.getScreenX() + 12, e.getScreenY() + 16);
                }
            }
        });
        setOnScroll(e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                zoomAt(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX() - surface.getLayoutX());
            } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
                panTo(x0 - d);
            } else {
                vbar.setValue(Math.max(vbar.getMin(), Math.min(vbar.getMax(), vbar.getValue() - e.getDeltaY())));
            }
            e.consume();
        });
    }

    private double row() {
        return SceneBuilder.rowHeight(scale.get());
    }

    private double ruler() {
        return SceneBuilder.rulerHeight(scale.get());
    }

    private double headerWidth() {
        double w = (BASE_HEADER + (withActions ? ACTIONS_ROOM : 0)) * scale.get();
        // Zoomed up, the names must not take the time axis' room: a third of the width at most
        // (never less than at 100 %).
        return getWidth() > 0 ? Math.min(w, Math.max(BASE_HEADER + (withActions ? ACTIONS_ROOM : 0), getWidth() / 3)) : w;
    }

    /**
     * What a header is widened by when its lane has an action menu (a click-built scenario): the
     * menu's button takes that much, and a state such as "waiting on go" would be cut short.
     */
    private static final double ACTIONS_ROOM = 70;
    /** Whether the headers carry action menus (see {@link #ACTIONS_ROOM}). */
    private boolean withActions;

    public DoubleProperty scaleProperty() {
        return scale;
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
        withActions = false;
        requestLayout();
    }

    /** Paints the lanes in {@code p}'s colours from now on: all of them again, at once (a theme chosen). */
    public void setPalette(Palette p) {
        if (p == painter.palette()) {
            return;
        }
        painter.setPalette(p);
        for (Header h : headerNodes) {
            h.chip.setFill(p.task(h.task));
        }
        drawn = null;
        drawnStamp = null;
        drawnPlayheadX = Double.NaN;
        redraw();
    }

    /** The colours the lanes are painted in. */
    public Palette palette() {
        return painter.palette();
    }

    /** Shows the index after k entries, the playhead at the last entry shown. */
    public void show(TraceIndex tl, int k) {
        show(tl, k, tl.unitAt(k));
    }

    /**
     * Shows the index after k entries with the playhead at playback position {@code unit}: it may
     * glide on past entry k - 1 while time passes, and segments grow with it.
     */
    public void show(TraceIndex tl, int k, double unit) {
        if (tl != index) {
            index = tl;
            headerNodes.clear();
            headers.getChildren().clear();
            rowsFor = -1;
            drawn = null;
        }
        position = k;
        shownUnit = unit;
        redraw();
    }

    /** Whether the run shown ended in a deadlock: its blocked lanes are drawn waiting for ever. */
    public void setDeadlocked(boolean d) {
        if (d != deadlocked) {
            deadlocked = d;
            redraw();
        }
    }

    /** Another program: the next run shown is fitted to the view again, from its start. */
    public void fitNextRun() {
        pps = Double.NaN;
        follow = true;
        drawn = null;
    }

    /** Fits the whole run recorded so far into the view (the F key). */
    public void fitWholeRun() {
        if (index == null || viewW <= 0) {
            return;
        }
        Axis a = Axis.fit(index, index.size(), viewW / AHEAD, scale.get());
        pps = a.pixelsPerSecond();
        slotScale = a.slotScale();
        fittedWidth = viewW;
        follow = true;
        redraw();
    }

    /** The view goes back to following the playhead (pressing Play does this). */
    public void followPlayhead() {
        if (!follow) {
            follow = true;
            redraw();
        }
    }

    /** Zooms the time axis by f, keeping what is at picture x {@code px} where it is. */
    public void zoomAt(double f, double px) {
        if (axis == null) {
            return;
        }
        double anchor = x0 + (Double.isNaN(px) ? playheadX() - x0 : px);
        double t = axis.timeAtX(anchor);
        int p = axis.positionAtX(anchor);
        Axis before = axis;
        Axis after = axis.zoomed(f);
        if (after.pixelsPerSecond() < 1e-3 || after.pixelsPerSecond() > 1e8) {
            return;
        }
        // The same moment under the pointer: its offset from the entry before it, scaled.
        double newAnchor;
        if (p > 0 && p <= index.size()) {
            double base = before.x(p - 1);
            double frac = anchor - base;
            double dt = t - index.log().time(p - 1);
            double slotPart = frac - dt * before.pixelsPerSecond();
            newAnchor = after.x(p - 1) + dt * after.pixelsPerSecond() + slotPart * after.slotPixels() / before.slotPixels();
        } else {
            newAnchor = anchor * f;
        }
        pps = after.pixelsPerSecond();
        slotScale = after.slotScale();
        fittedWidth = 0;
        follow = false;
        panStart = Math.max(0, Math.round(newAnchor - (anchor - x0)));
        redraw();
    }

    /** Moves the view to start at absolute x (never left of t = 0). */
    public void panTo(double start) {
        follow = false;
        panStart = Math.max(0, Math.round(start));
        redraw();
    }

    /** W: more time detail, about the pointer if it is over the lanes, else about the playhead. */
    public void zoomTimeIn() {
        zoomAt(ZOOM_STEP, pointerX);
    }

    /** S: less time detail, about the same point. */
    public void zoomTimeOut() {
        zoomAt(1 / ZOOM_STEP, pointerX);
    }

    /** A: a fifth of the view towards t = 0. */
    public void panLeft() {
        panTo(x0 - viewW / 5);
    }

    /** D: a fifth of the view later. */
    public void panRight() {
        panTo(x0 + viewW / 5);
    }

    /** Pixels per virtual second now (for tests and the status line). */
    public double pixelsPerSecond() {
        return axis == null ? Double.NaN : axis.pixelsPerSecond();
    }

    /** The absolute x at the view's left edge: above 0 once the view has turned a page or been panned. */
    public double viewStartPixels() {
        return x0;
    }

    /** The scene on screen (null before the first drawing). */
    public Scene scene() {
        return drawn;
    }

    private int visibleRows() {
        return index == null ? 0 : index.laneCountAt(position);
    }

    /** Rows for the first m lanes (see {@link RowOrder}), and a header for each. */
    private void layoutRows(int m) {
        if (m == rowsFor) {
            return;
        }
        rowsFor = m;
        taskOfRow = RowOrder.of(index, m);
        while (headerNodes.size() < m) {
            Header h = new Header(headerNodes.size());
            Node a = actions.apply(h.task);
            if (a != null) {
                h.actionsNode = a;
                withActions = true;
                // The button keeps its whole label; the state beside it is what gets cut, if anything.
                if (a instanceof Region r) {
                    r.setMinWidth(Region.USE_PREF_SIZE);
                }
                Region spacer = new Region();
                HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
                h.getChildren().addAll(spacer, a);
            }
            h.pseudoClassStateChanged(Styles.SELECTED, h.task == selectedTask.get());
            headerNodes.add(h);
        }
        requestLayout();
    }

    private int rowOf(int task) {
        for (int r = 0; r < taskOfRow.length; r++) {
            if (taskOfRow[r] == task) {
                return r;
            }
        }
        return -1;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double hw = headerWidth();
        double sb = vbar.prefWidth(-1);
        int m = visibleRows();
        if (index != null) {
            layoutRows(m);
        }
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
        // On whole pixels: the tiles are separate images, which would blur and show seams between
        // them if drawn at a fraction of a pixel (as the header width is at some zoom levels).
        double sx = Math.round(hw);
        double cw = Math.max(0, Math.round(w - (vbar.isVisible() ? sb : 0)) - sx);
        surface.resizeRelocate(sx, 0, cw, h);
        surfaceClip.setWidth(cw);
        surfaceClip.setHeight(h);
        viewW = cw;
        viewH = Math.round(h);
        double first = vbar.getValue() - row();
        double last = vbar.getValue() + view;
        for (Header hd : headerNodes) {
            int r = hd.task < m ? rowOf(hd.task) : -1;
            double y = r >= 0 ? r * row() : 0;
            // Off-screen headers are taken out of the scene, not just clipped or hidden: JavaFX
            // walks every node in it on each frame (a hundred lanes, seven nodes a header).
            boolean on = r >= 0 && y >= first && y <= last;
            if (on) {
                if (hd.getParent() != headers) {
                    headers.getChildren().add(hd);
                    hd.applyCss();
                }
                hd.resizeRelocate(0, y - vbar.getValue(), hw, row() - 2);
            } else if (hd.getParent() == headers) {
                headers.getChildren().remove(hd);
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

    /** Where the playhead is drawn: at the last entry shown, or gliding on through passing time. */
    private double playheadX() {
        double xk = axis.xAt(position);
        if (position >= index.size() || position <= 0) {
            return xk;
        }
        double u0 = index.unitAt(position);
        double u1 = index.unitOf(position);
        if (shownUnit <= u0 || u1 <= u0) {
            return xk;
        }
        double f = Math.min(1, (shownUnit - u0) / (u1 - u0));
        return xk + f * (axis.x(position) - xk);
    }

    /**
     * The view is this many times as wide as the run it shows whole ({@link #fitWholeRun}), and
     * so keeps 1 - 1 / AHEAD of itself (about 7 %) ahead of the playhead when it turns pages.
     */
    static final double AHEAD = 1.08;
    /** How far the view jumps when the playhead nears its right edge, as a share of its width. */
    static final double PAGE = 0.7;

    /**
     * Where the view starts (absolute x) when the playhead is at x {@code p} and the view is
     * {@code w} wide: at 0 while the playhead is in the first view, then a page at a time, so the
     * picture stands still while the playhead crosses it and the latest wake-ups stay in sight
     * at the left after a turn. A function of the playhead alone: the same moment always looks
     * the same, however it was reached.
     */
    static double viewStart(double p, double w) {
        double lead = w / AHEAD;
        if (!(p > lead)) {
            return 0;
        }
        double page = w * PAGE;
        return Math.ceil((p - lead) / page) * page;
    }

    /** Brings the drawing up to date for the position shown (see the class comment). */
    public void redraw() {
        if (index == null) {
            return;
        }
        int m = visibleRows();
        layoutRows(m);
        double w = viewW;
        double h = viewH;
        if (w <= 0 || h <= 0) {
            return;
        }
        double s = scale.get();
        if (text == null || text.scale() != s) {
            text = new LaneText(i18n, s);
            tips = new SceneTips(i18n, index);
        }
        if (tips == null || tips.index() != index) {
            tips = new SceneTips(i18n, index);
        }
        painter.setText(text);
        if (Double.isNaN(pps) || fittedWidth > 0 && fittedWidth != w) {
            // Fitted until the user zooms: a view that changes width (a window resized, the
            // lanes' scroll bar come or gone) fits the run again.
            Axis a = Axis.fit(index, index.size(), w / AHEAD, s);
            pps = a.pixelsPerSecond();
            slotScale = a.slotScale();
            fittedWidth = w;
        }
        axis = new Axis(index, pps, slotScale, s);
        // Asked again for what is already drawn (a layout pass after a frame's own show()): nothing to do.
        Stamp stamp = new Stamp(index, index.size(), position, shownUnit, w, h, vbar.getValue(), pps, slotScale, follow,
                panStart, selectedTask.get(), text, deadlocked, taskOfRow);
        if (stamp.equals(drawnStamp) && drawn != null) {
            return;
        }
        drawnStamp = stamp;
        double px = playheadX();
        x0 = follow ? Math.floor(viewStart(px, w)) : panStart;
        Set<Integer> forever = new HashSet<>();
        if (deadlocked && position >= index.size()) {
            for (TraceIndex.Lane l : index.lanes()) {
                TaskState st = l == null ? null : l.stateAt(position);
                if (st != null && !st.isFinished()) {
                    forever.add(l.task());
                }
            }
        }
        SceneBuilder.View view = new SceneBuilder.View(x0, w, h, vbar.getValue(), taskOfRow);
        // The run only moved on in the same picture (playing, stepping on): the part left of the
        // step before is what it was, so it is kept, and compared, no more.
        Frame frame = new Frame(index, pps, slotScale, s, x0, w, h, vbar.getValue(), taskOfRow, text, deadlocked);
        boolean on = drawn != null && frame.equals(drawnFrame) && position >= drawn.axis().position()
                && px - x0 >= drawn.axis().playheadX() && drawn.axis().position() > 0;
        double stepStart = Double.NaN;
        Scene sc;
        if (on) {
            int st = index.stepsAt(drawn.axis().position());
            stepStart = st > 0 ? axis.x(index.runIndex(st - 1)) - x0 : drawn.axis().playheadX();
            double settled = SceneBuilder.keptLeftOf(drawn.axis().playheadX(), stepStart, s);
            sc = SceneBuilder.extend(drawn, settled, index, axis, position, px, view, forever, text, text);
        } else {
            sc = SceneBuilder.build(index, axis, position, px, view, forever, text, text);
        }
        updateHeaders(sc);
        int sel = selectedTask.get();
        boolean whole = drawn == null || drawnText != text || drawnSelected != sel;
        boolean turned = !whole && drawn.axis().viewStart() != x0 && SceneDiff.sameFrame(drawn.shifted(x0), sc);
        whole = whole || !turned && !SceneDiff.sameFrame(drawn, sc);
        stats[0]++;
        if (whole) {
            stats[1]++;
            paintTiles(sc, w, h, null);
        } else if (turned) {
            // A page turn or a pan at the same zoom: the tiles still in view keep their pixels,
            // which are the old scene's moved along; what differs (labels kept at the left edge,
            // what the run added) is repaired, and the tiles new to the view are painted.
            stats[3]++;
            // Only what the kept tiles show is compared: those new to the view are painted whole.
            double kept = drawn.axis().viewStart() + w - x0;
            double keptTo = Math.ceil(Math.max(0, kept) / TILE) * TILE + TILE;
            // What has gone left of the view needs no repainting.
            paintTiles(sc, w, h, SceneDiff.coalesced(SceneDiff.dirty(drawn.shifted(x0, keptTo), sc, 0, keptTo)));
        } else {
            double from = on ? SceneBuilder.settledLeftOf(drawn, sc, stepStart) : Double.NEGATIVE_INFINITY;
            List<double[]> dirty = SceneDiff.coalesced(SceneDiff.dirty(drawn, sc, from));
            if (!dirty.isEmpty()) {
                paintTiles(sc, w, h, dirty);
            }
        }
        drawn = sc;
        drawnFrame = frame;
        drawnIndex = index;
        drawnText = text;
        drawnSelected = sel;
        paintPlayhead(sc, h);
    }

    /**
     * Places the tiles across the view and paints them: whole (a null {@code dirty}: everything
     * may have changed), or only where {@code dirty} says. Tiles are fixed to the axis (tile k
     * holds absolute x k * TILE to (k + 1) * TILE), so when the view turns a page, a tile still in
     * view keeps its picture; one new to the view is painted whole.
     */
    private void paintTiles(Scene sc, double w, double h, List<double[]> dirty) {
        long k0 = (long) Math.floor(x0 / TILE);
        long k1 = (long) Math.floor((x0 + w - 1) / TILE);
        List<Tile> free = new ArrayList<>();
        for (Tile t : tiles) {
            if (dirty == null || t.canvas.getHeight() != h) {
                t.valid = false;
            }
            if (t.k < k0 || t.k > k1) {
                t.valid = false;
                free.add(t);
            }
        }
        int sel = selectedTask.get();
        Scene part = sc;
        if (dirty != null && !dirty.isEmpty()) {
            // Only what reaches into the repaired stretch is gone through for each piece.
            double l = Double.POSITIVE_INFINITY;
            double r = Double.NEGATIVE_INFINITY;
            for (double[] d : dirty) {
                l = Math.min(l, d[0]);
                r = Math.max(r, d[1]);
            }
            part = sc.within(l, r, 20 * scale.get());
        }
        for (long k = k0; k <= k1; k++) {
            Tile t = null;
            for (Tile c : tiles) {
                if (c.k == k) {
                    t = c;
                    break;
                }
            }
            if (t == null) {
                if (free.isEmpty()) {
                    t = new Tile();
                    t.canvas.setManaged(false);
                    tiles.add(t);
                    tileLayer.getChildren().add(t.canvas);
                } else {
                    t = free.remove(free.size() - 1);
                }
                t.k = k;
                t.valid = false;
            }
            Canvas c = t.canvas;
            double ox = k * TILE - x0;
            c.setLayoutX(ox);
            c.setVisible(true);
            if (!t.valid) {
                if (c.getHeight() != h) {
                    c.setHeight(h);
                }
                painter.paint(c.getGraphicsContext2D(), sc, ox, ox, 0, ox + TILE, h, sel);
                t.valid = true;
                continue;
            }
            for (double[] r : dirty) {
                double l = Math.max(ox, Math.floor(r[0]));
                double rr = Math.min(ox + TILE, Math.ceil(r[1]));
                double tp = Math.max(0, Math.floor(r[2]));
                double bt = Math.min(h, Math.ceil(r[3]));
                if (l < rr && tp < bt) {
                    stats[2]++;
                    painter.paint(c.getGraphicsContext2D(), part, ox, l, tp, rr, bt, sel);
                }
            }
        }
        for (Tile t : free) {
            if (t.k < k0 || t.k > k1) {
                t.canvas.setVisible(false);
                t.k = Long.MIN_VALUE;
            }
        }
    }

    /** One tile: the lanes drawn between absolute x k * TILE and (k + 1) * TILE. */
    private static final class Tile {
        long k = Long.MIN_VALUE;
        boolean valid;
        final Canvas canvas = new Canvas(TILE, 0);
    }

    /**
     * The playhead on its own narrow canvas over the tiles. Where a mark sits right at it (the
     * is_set() or set() the position just reached), the line leaves a gap, so the mark reads.
     */
    private void paintPlayhead(Scene sc, double h) {
        double xp = sc.axis().playheadX();
        double s = scale.get();
        double half = ScenePainter.playheadHalfWidth(s);
        double left = Math.floor(xp - half);
        double local = xp - left;
        double pw = Math.ceil(2 * half) + 2;
        playhead.setLayoutX(left);
        List<double[]> gaps = new ArrayList<>();
        List<Scene.Mark> marks = sc.marks();
        for (int i = 0; i < marks.size(); i++) {
            Scene.Mark m = marks.get(i);
            if (Math.abs(m.x() - xp) < m.r() + 2 * s) {
                gaps.add(new double[] {m.y() - m.r() - 2 * s, m.y() + m.r() + 2 * s});
            }
        }
        double[] flat = new double[gaps.size() * 2];
        for (int i = 0; i < gaps.size(); i++) {
            flat[2 * i] = gaps.get(i)[0];
            flat[2 * i + 1] = gaps.get(i)[1];
        }
        if (local == drawnPlayheadX && h == drawnPlayheadH && s == drawnPlayheadScale
                && java.util.Arrays.equals(flat, drawnPlayheadGaps) && playhead.getWidth() == pw) {
            return;
        }
        drawnPlayheadX = local;
        drawnPlayheadH = h;
        drawnPlayheadScale = s;
        drawnPlayheadGaps = flat;
        if (playhead.getWidth() != pw || playhead.getHeight() != h) {
            playhead.setWidth(pw);
            playhead.setHeight(h);
        }
        GraphicsContext g = playhead.getGraphicsContext2D();
        g.clearRect(0, 0, pw, h);
        painter.paintPlayhead(g, local, ruler(), h, s, gaps);
    }

    // What the playhead's canvas shows: where, how tall, at what scale, with gaps where.
    private double drawnPlayheadX = Double.NaN;
    private double drawnPlayheadH;
    private double drawnPlayheadScale;
    private double[] drawnPlayheadGaps;

    // ------------------------------------------------------------------ pointer

    /**
     * The pointer moved over the drawing: what is under it is said in a tip a moment later (shown
     * by hand rather than installed, since what is under the pointer changes as it moves over one
     * node), and the tip goes as soon as the pointer leaves it.
     */
    private void hover(double x, double y, double screenX, double screenY) {
        pointerX = x;
        String t = drawn == null || tips == null ? null : tips.at(drawn, x, y);
        if (t == null || t.isEmpty()) {
            hoverDelay.stop();
            tip.hide();
            return;
        }
        if (t.equals(tip.getText()) && (tip.isShowing() || hoverDelay.getStatus() == javafx.animation.Animation.Status.RUNNING)) {
            return;
        }
        tip.hide();
        tip.setText(t);
        hoverDelay.setOnFinished(e -> {
            if (surface.getScene() != null && surface.getScene().getWindow() != null) {
                tip.show(surface, screenX + 12, screenY + 16);
            }
        });
        hoverDelay.playFromStart();
    }

    private final javafx.animation.PauseTransition hoverDelay = new javafx.animation.PauseTransition(Duration.millis(300));

    private void clicked(double x, double y) {
        if (drawn == null) {
            return;
        }
        int[] item = tips == null ? null : tips.itemAt(drawn, x, y);
        if (item != null && item[0] >= 0) {
            // A segment or a mark: its lane, and the line where it happened.
            onPick.accept(item[0], item[1]);
            return;
        }
        for (Scene.LaneRow r : drawn.lanes()) {
            if (y >= r.y0() && y < r.y1() && y > drawn.axis().rulerHeight()) {
                selectedTask.set(selectedTask.get() == r.task() ? -1 : r.task());
                return;
            }
        }
    }

    private java.util.function.BiConsumer<Integer, Integer> onPick = (task, entry) -> selectedTask.set(task);

    /** What picking a segment or mark does: given its task and trace entry (the window selects both). */
    public void setOnPick(java.util.function.BiConsumer<Integer, Integer> f) {
        onPick = f;
    }

    /** What hovering at picture point (x, y) would say, or null (for tests and accessibility). */
    public String tipAt(double x, double y) {
        return drawn == null || tips == null ? null : tips.at(drawn, x, y);
    }

    /** Where the drawing starts in this view's coordinates (the width of the headers). */
    public double drawingLeft() {
        return surface.getLayoutX();
    }

    // ------------------------------------------------------------------ tests and benchmarks

    /** How the cache did so far (frames, frames that repainted everything, pieces repaired). */
    public String cacheStats() {
        return String.format("%d frames, %d repainted everything, %d turned a page, %d pieces repaired, %d sprites made",
                stats[0], stats[1], stats[3], stats[2], spritesMade());
    }

    /** How many label and mark images the drawing has made (each is made once, then copied). */
    public int spritesMade() {
        return painter.spritesMade();
    }

    /** What the lanes show now (the tiles with the playhead over them), for tests. */
    public WritableImage snapshotDrawing() {
        SnapshotParameters sp = new SnapshotParameters();
        // The viewport is in the parent's coordinates.
        sp.setViewport(new Rectangle2D(surface.getLayoutX(), surface.getLayoutY(), viewW, viewH));
        return surface.snapshot(sp, null);
    }

    /** The same scene painted in one go, for tests: it must look like {@link #snapshotDrawing()}. */
    public WritableImage drawFromScratch() {
        Canvas c = new Canvas(viewW, viewH);
        GraphicsContext g = c.getGraphicsContext2D();
        if (drawn != null && viewW > 0 && viewH > 0) {
            painter.paint(g, drawn, 0, 0, 0, viewW, viewH, selectedTask.get());
            List<double[]> gaps = new ArrayList<>();
            for (Scene.Mark m : drawn.marks()) {
                if (Math.abs(m.x() - drawn.axis().playheadX()) < m.r() + 2 * scale.get()) {
                    gaps.add(new double[] {m.y() - m.r() - 2 * scale.get(), m.y() + m.r() + 2 * scale.get()});
                }
            }
            painter.paintPlayhead(g, drawn.axis().playheadX(), ruler(), viewH, scale.get(), gaps);
        }
        SnapshotParameters sp = new SnapshotParameters();
        sp.setViewport(new Rectangle2D(0, 0, viewW, viewH));
        return c.snapshot(sp, null);
    }

    /** Only rows on screen: off-screen headers keep stale text until scrolled to (cheap pulses). */
    private void updateHeaders(Scene sc) {
        for (Scene.LaneRow r : sc.lanes()) {
            int t = r.task();
            if (t >= headerNodes.size()) {
                continue;
            }
            Header h = headerNodes.get(t);
            TraceIndex.Lane lane = index.lanes().get(t);
            if (lane == null) {
                continue;
            }
            int s = lane.segmentAt(position);
            TaskState st = s < 0 ? TaskState.READY : lane.segmentState(s);
            String ev = null;
            String why = null;
            if (s >= 0 && st == TaskState.WAITING) {
                int e = lane.segmentEvent(s);
                ev = e >= 0 && e < index.events().size() && index.events().get(e) != null ? index.events().get(e).name() : null;
                int from = lane.segmentStart(s);
                if (e < 0 && index.log().kind(from) == dev.eventlanes.model.TraceKind.SUSPEND) {
                    why = index.log().text(from);
                }
            }
            String words = text.state(st, ev, why);
            if (!words.equals(h.lastState) || !lane.name().equals(h.lastName)) {
                h.lastState = words;
                h.lastName = lane.name();
                h.name.setText(lane.name());
                h.state.setText(words);
                Styles.applyState(h.state, st);
                Styles.applyFinished(h.name, st);
                h.setAccessibleText(i18n.get("lane.tip", lane.name(), words));
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
