package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Styles;
import dev.eventlanes.scene.TraceIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The lanes: a header per task (real nodes, styled by state pseudo-classes, with the lane's action
 * menu) beside the drawing of the ruler, every lane's history, poll marks, wake-up arrows and the
 * playhead ({@link LanePainter} draws them). Each frame draws just what is inside the viewport
 * (found by binary search), so 100 lanes cost the same at step 10 as at step 1,000,000.
 *
 * <p>While the run plays, history only grows at the playhead, so the drawing is cached: the lanes
 * are kept in tiles {@link #TILE} pixels wide, fixed to the run's absolute x, that are painted once
 * and then only repaired where the next frame can differ (a band around the playhead, a label that
 * now fits its segment, a tag a newer one hides). Scrolling with the playhead just moves the tiles.
 * Over them lie two small layers: a strip at the left edge where labels are kept in sight, and the
 * playhead, so a frame repaints a few narrow pieces instead of the whole viewport (software
 * rendering pays per pixel). Anything else (another run, stepping or scrubbing back, a
 * zoom, a resize of the rows, scrolling the lanes, selecting one, another language) repaints all
 * tiles; {@link #drawFromScratch()} draws the same picture in one go, for tests.
 */
public final class LanesView extends Region {
    private static final double BASE_ROW = 64;
    private static final double BASE_RULER = 40;
    private static final double BASE_HEADER = 250;
    /**
     * Width of a cached tile: a multiple of the pattern size, so every tile anchors it alike. A
     * repaired tile is repainted on screen whole (JavaFX marks a canvas dirty whole), so narrow
     * tiles keep the band repaired at the playhead (about 40 px) from costing two 96 px columns.
     */
    static final int TILE = 4 * Patterns.SIZE;

    private final I18n i18n;
    private final LanePainter painter;
    /** The drawing beside the headers, clipped to the viewport: tiles, then the three layers. */
    private final Pane surface = new Pane();
    private final Rectangle surfaceClip = new Rectangle();
    private final Group tileLayer = new Group();
    private final List<Tile> tiles = new ArrayList<>();
    /** Pieces drawn against the view's left edge (see LanePainter.stickyPatches), over the tiles. */
    private final Group stickyLayer = new Group();
    private final List<Canvas> stickyPieces = new ArrayList<>();
    private List<double[]> drawnPatches = List.of();
    private final Canvas playhead = new Canvas();
    private final Pane headers = new Pane();
    private final ScrollBar vbar = new ScrollBar();
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final DoubleProperty pxPerUnit = new SimpleDoubleProperty(160);
    private final IntegerProperty selectedTask = new SimpleIntegerProperty(-1);
    private final List<Header> headerNodes = new ArrayList<>();
    private TraceIndex timeline;
    private int position;
    private double shownUnit;
    private IntFunction<Node> actions = t -> null;
    private int[] rowOfTask = new int[0];
    private int[] taskOfRow = new int[0];
    private int rowsFor = -1;
    private Font font;
    private Font smallFont;
    private Font boldFont;
    private double viewW;
    private double viewH;
    /** Bumped when labels change words or size (language, zoom): the tiles are repainted. */
    private int textsEpoch;

    // What the tiles show: when all of this is unchanged and the position and playhead only moved
    // on, the tiles are repaired, else repainted.
    private TraceIndex drawnTimeline;
    private double drawnPpu = -1;
    private double drawnHeight = -1;
    private double drawnScale = -1;
    private double drawnScroll = -1;
    private int[] drawnRows;
    private int drawnFirstRow = -1;
    private int drawnLastRow = -1;
    private int drawnSelected = -2;
    private int drawnTexts = -1;
    private int drawnPosition = -1;
    private double drawnPlayhead = -1;
    private int drawnArrows;
    private double drawnX0 = -1;
    private double drawnPlayheadLocal = Double.NaN;
    private double drawnPlayheadScale = -1;
    private double drawnPlayheadHeight = -1;
    /** The current frame's origin: the absolute x at the viewport's left edge. */
    private double x0;
    /** Counters for the frame benchmark: frames, frames that repainted all tiles, tiles painted, repaired. */
    private final long[] stats = new long[4];

    /** One tile: the lanes drawn between absolute x k * TILE and (k + 1) * TILE. */
    private static final class Tile {
        long k = Long.MIN_VALUE;
        boolean valid;
        final Canvas canvas = new Canvas(TILE, 0);
    }

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

        Header(int task) {
            this.task = task;
            getStyleClass().add(Styles.LANE_HEADER);
            name.getStyleClass().add(Styles.LANE_NAME);
            state.getStyleClass().add(Styles.LANE_STATE);
            chip.setFill(Styles.taskColor(task));
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
        this.painter = new LanePainter(i18n);
        getStyleClass().add("lanes");
        setAccessibleText(i18n.get("lanes.tip"));
        i18n.localeProperty().addListener((o, a, b) -> {
            setAccessibleText(i18n.get("lanes.tip"));
            for (Header h : headerNodes) {
                h.lastState = "";
            }
            // Another language may draw in another family (see Styles.uiFamily).
            fonts();
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
        for (Node n : new Node[] {tileLayer, stickyLayer, playhead}) {
            n.setManaged(false);
        }
        surface.getChildren().addAll(tileLayer, stickyLayer, playhead);
        vbar.setManaged(false);
        getChildren().addAll(surface, headers, vbar);
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
        surface.setOnMouseClicked(e -> {
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
        String chinese = Styles.uiFamily(i18n.locale());
        String family = chinese != null ? chinese : "System";
        font = Font.font(family, 17 * s);
        smallFont = Font.font(family, 15 * s);
        boldFont = Font.font(family, FontWeight.BOLD, 17 * s);
        texts();
    }

    private void texts() {
        textsEpoch++;
        painter.textsChanged();
    }

    private double row() {
        return BASE_ROW * scale.get();
    }

    private double ruler() {
        return BASE_RULER * scale.get();
    }

    private double headerWidth() {
        return (BASE_HEADER + (withActions ? ACTIONS_ROOM : 0)) * scale.get();
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
        withActions = false;
        requestLayout();
    }

    /** Shows the timeline after k entries, the playhead at the last entry shown. */
    public void show(TraceIndex tl, int k) {
        show(tl, k, tl.unitAt(k));
    }

    /**
     * Shows the timeline after k entries with the playhead at {@code unit}: segments are drawn up
     * to it, so while playing the lanes grow smoothly through a sleep, and a step can glide.
     */
    public void show(TraceIndex tl, int k, double unit) {
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
            TraceIndex.Lane l = timeline.lanes().get(t);
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
        // On whole pixels: the tiles are separate images, which would blur and show seams between
        // them if drawn at a fraction of a pixel (as the header width is at some zoom levels).
        double sx = Math.round(hw);
        double cw = Math.max(0, Math.round(w - (vbar.isVisible() ? sb : 0)) - sx);
        surface.resizeRelocate(sx, 0, cw, h);
        surfaceClip.setWidth(cw);
        surfaceClip.setHeight(h);
        viewW = cw;
        viewH = h;
        double first = vbar.getValue() - row();
        double last = vbar.getValue() + view;
        for (Header hd : headerNodes) {
            boolean on = hd.task < m && hd.task < rowOfTask.length && rowOfTask[hd.task] >= 0;
            double y = on ? rowOfTask[hd.task] * row() : 0;
            // Off-screen headers are taken out of the scene, not just clipped or hidden: JavaFX
            // walks every node in it on each frame (a hundred lanes, seven nodes a header).
            on = on && y >= first && y <= last;
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

    /**
     * Brings the drawing up to date for the position shown: repairs the cached tiles where the
     * picture changed, or repaints them (see the class comment), and moves the layers.
     */
    public void redraw() {
        if (timeline == null) {
            return;
        }
        int m = visibleRows();
        layoutRows(m);
        double w = viewW;
        double h = viewH;
        if (w <= 0 || h <= 0) {
            return;
        }
        double ppu = fitScale(w);
        double u0 = viewStart(shownUnit, w / ppu);
        double rh = row();
        double top = ruler();
        double scroll = vbar.getValue();
        LanePainter p = painter;
        if (p.tl != timeline) {
            // Event numbers name other events in another run.
            p.textsChanged();
        }
        p.tl = timeline;
        p.timelineSet();
        p.log = timeline.log();
        p.position = position;
        p.shownUnit = shownUnit;
        p.ppu = ppu;
        p.scale = scale.get();
        p.rowHeight = rh;
        p.top = top;
        p.scroll = scroll;
        p.taskOfRow = taskOfRow;
        p.rowOfTask = rowOfTask;
        p.selected = selectedTask.get();
        p.font = font;
        p.smallFont = smallFont;
        p.boldFont = boldFont;
        p.firstRow = Math.max(0, (int) Math.floor(scroll / rh));
        p.lastRow = Math.min(m - 1, (int) Math.ceil((scroll + h - top) / rh));
        p.pAbs = p.ax(shownUnit);
        p.arrowsShown = p.visibleArrows(position, p.pAbs);
        // Scrolled in whole pixels, so the tiles (and their patterns) stay on the pixel grid.
        x0 = Math.floor(p.ax(u0));
        p.frame++;
        p.frameLeft = Math.floor(x0 / TILE) * TILE;
        p.frameRight = (Math.floor((x0 + w - 1) / TILE) + 1) * TILE;
        updateHeaders(p.firstRow, p.lastRow);

        boolean same = timeline == drawnTimeline && ppu == drawnPpu && h == drawnHeight && p.scale == drawnScale
                && scroll == drawnScroll && taskOfRow == drawnRows && p.firstRow == drawnFirstRow
                && p.lastRow == drawnLastRow && p.selected == drawnSelected && textsEpoch == drawnTexts;
        boolean grew = same && position >= drawnPosition && p.pAbs >= drawnPlayhead;
        boolean moved = !grew || position != drawnPosition || p.pAbs != drawnPlayhead;
        List<double[]> repairs = grew && moved ? repairs(h) : List.of();
        stats[0]++;
        stats[1] += grew ? 0 : 1;
        paintTiles(w, h, grew, repairs);
        paintSticky(w, h, grew, repairs);
        paintPlayhead(h);

        drawnTimeline = timeline;
        drawnPpu = ppu;
        drawnHeight = h;
        drawnScale = p.scale;
        drawnScroll = scroll;
        drawnRows = taskOfRow;
        drawnFirstRow = p.firstRow;
        drawnLastRow = p.lastRow;
        drawnSelected = p.selected;
        drawnTexts = textsEpoch;
        drawnPosition = position;
        drawnPlayhead = p.pAbs;
        drawnArrows = p.arrowsShown;
        drawnX0 = x0;
    }

    /**
     * Where the picture can have changed since the last frame, which showed less of the same run
     * (absolute x from, to; canvas y from, to): a band around the playhead (new segments, polls and
     * arrows; the growing segments' ends), a label that now fits its segment, and each tag that
     * new arrows show or hide (see {@link LanePainter}).
     */
    private List<double[]> repairs(double h) {
        LanePainter p = painter;
        List<double[]> out = new ArrayList<>();
        double from = drawnPlayhead;
        if (drawnPosition < timeline.size()) {
            from = Math.min(from, p.xOf(drawnPosition));
        }
        out.add(new double[] {from - p.leftReach(), p.pAbs + p.rightReach(), 0, h});
        // The segment the old playhead cut (and the one before, in case it began right there) may
        // now be wide enough for its label: it can lie left of the band. That is the segment in
        // force at the old playhead, which is not the last one shown when the position ran ahead.
        double rh = p.rowHeight;
        int atPlayhead = timeline.positionAtUnit(drawnPlayhead / p.ppu);
        for (int r = p.firstRow; r <= p.lastRow; r++) {
            TraceIndex.Lane lane = timeline.lanes().get(taskOfRow[r]);
            if (lane == null) {
                continue;
            }
            int cut = Math.min(lane.segmentAt(drawnPosition), lane.segmentAt(atPlayhead));
            for (int s = Math.max(0, cut - 1); s <= cut; s++) {
                if (p.labelDrawn(lane, s, drawnPosition, drawnPlayhead) != p.labelDrawn(lane, s, position, p.pAbs)) {
                    double sa = Math.max(0, p.xOf(lane.segmentStart(s)));
                    double y = p.top + r * rh - p.scroll;
                    out.add(new double[] {sa, sa + p.labelReach(), y, y + rh});
                }
            }
        }
        out.addAll(p.tagChanges(drawnArrows, h));
        // New ticks on the ruler: with the position ahead of the playhead they lie right of it.
        int j0 = timeline.clockJumpsBelow(drawnPosition);
        int j1 = timeline.clockJumpsBelow(position);
        if (j1 > j0) {
            out.add(new double[] {p.xOf(timeline.clockJump(j0)) - 2,
                p.xOf(timeline.clockJump(j1 - 1)) + p.rulerLabelReach() + 2, 0, p.top + 2});
        }
        return merged(out);
    }

    /**
     * The same area in fewer rectangles (x from, to; y from, to): one inside another is dropped,
     * and those on the same rows that overlap or touch become one. A frame's new arrows often
     * hide several tags in a row, each a rectangle overlapping the next; repaired one by one, the
     * lanes, labels and arrows under the overlaps were drawn two or three times over.
     */
    static List<double[]> merged(List<double[]> rects) {
        List<double[]> out = new ArrayList<>();
        for (double[] r : rects) {
            out.add(r.clone());
        }
        // Same rows together, left to right.
        out.sort((a, b) -> a[2] != b[2] ? Double.compare(a[2], b[2])
                : a[3] != b[3] ? Double.compare(a[3], b[3]) : Double.compare(a[0], b[0]));
        List<double[]> rows = new ArrayList<>();
        for (double[] r : out) {
            double[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && last[2] == r[2] && last[3] == r[3] && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                rows.add(r);
            }
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            boolean inside = false;
            // (No two are equal now: equal ones share their rows and were merged above.)
            for (int j = 0; j < rows.size() && !inside; j++) {
                double[] o = rows.get(j);
                inside = j != i && o[0] <= r[0] && o[1] >= r[1] && o[2] <= r[2] && o[3] >= r[3];
            }
            if (!inside) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** Places the tiles across the viewport, then paints new or stale ones and repairs the rest. */
    private void paintTiles(double w, double h, boolean grew, List<double[]> repairs) {
        long k0 = (long) Math.floor(x0 / TILE);
        long k1 = (long) Math.floor((x0 + w - 1) / TILE);
        List<Tile> free = new ArrayList<>();
        for (Tile t : tiles) {
            if (!grew || t.k < k0 || t.k > k1 || t.canvas.getHeight() != h) {
                t.valid = false;
            }
            if (t.k < k0 || t.k > k1) {
                free.add(t);
            }
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
            if (c.getHeight() != h) {
                c.setHeight(h);
            }
            c.setLayoutX(k * TILE - x0);
            c.setVisible(true);
            double origin = (double) k * TILE;
            if (!t.valid) {
                painter.paint(c.getGraphicsContext2D(), origin, 0, 0, TILE, h, 0, false);
                t.valid = true;
                stats[2]++;
                continue;
            }
            // Each repair on its own: a tag's row band is not worth a tile's full height.
            for (double[] r : repairs) {
                double l = Math.max(0, Math.floor(r[0] - origin));
                double rr = Math.min(TILE, Math.ceil(r[1] - origin));
                double tp = Math.max(0, Math.floor(r[2]));
                double bt = Math.min(h, Math.ceil(r[3]));
                if (l < rr && tp < bt) {
                    stats[3]++;
                    boolean whole = l == 0 && rr == TILE && tp == 0 && bt == h;
                    painter.paint(c.getGraphicsContext2D(), origin, l, tp, rr, bt, 0, !whole);
                }
            }
        }
        for (Tile t : free) {
            t.canvas.setVisible(false);
            t.k = Long.MIN_VALUE;
        }
    }

    /**
     * The pieces at the left edge drawn against it (a segment that began before it is cut there
     * and keeps its label in sight; tags stay on screen): only while the view has scrolled, and
     * only where that looks different from the tiles.
     */
    private void paintSticky(double w, double h, boolean grew, List<double[]> repairs) {
        List<double[]> patches = x0 > 0 ? painter.stickyPatches(x0, h) : List.of();
        boolean stale = !grew || x0 != drawnX0 || patches.size() != drawnPatches.size();
        for (int i = 0; i < patches.size() && !stale; i++) {
            stale = !Arrays.equals(patches.get(i), drawnPatches.get(i));
        }
        for (double[] r : repairs) {
            for (double[] pt : patches) {
                stale |= r[0] < pt[1] && r[1] > pt[0] && r[2] < pt[3] && r[3] > pt[2];
            }
        }
        if (!stale) {
            return;
        }
        drawnPatches = patches;
        int i = 0;
        for (double[] pt : patches) {
            double left = Math.floor(pt[0]);
            double right = Math.min(Math.ceil(pt[1]), x0 + w);
            double top = Math.max(0, Math.floor(pt[2]));
            double bottom = Math.min(h, Math.ceil(pt[3]));
            if (left >= right || top >= bottom) {
                continue;
            }
            Canvas c;
            if (i < stickyPieces.size()) {
                c = stickyPieces.get(i);
            } else {
                c = new Canvas();
                c.setManaged(false);
                stickyPieces.add(c);
                stickyLayer.getChildren().add(c);
            }
            i++;
            // Sized in steps of 32 px, so a piece that changes a little keeps its image (a new
            // size is a new image); what lies beyond the piece is cleared.
            double cw = Math.ceil((right - left) / 32) * 32;
            double ch = Math.ceil((bottom - top) / 32) * 32;
            if (c.getWidth() != cw || c.getHeight() != ch) {
                c.setWidth(cw);
                c.setHeight(ch);
            }
            c.relocate(left - x0, top);
            c.setVisible(true);
            GraphicsContext g = c.getGraphicsContext2D();
            g.clearRect(0, 0, cw, ch);
            g.save();
            g.beginPath();
            g.rect(0, 0, right - left, bottom - top);
            g.clip();
            g.translate(0, -top);
            painter.paint(g, left, 0, top, right - left, bottom, x0, false);
            g.restore();
        }
        for (; i < stickyPieces.size(); i++) {
            stickyPieces.get(i).setVisible(false);
        }
    }

    private void paintPlayhead(double h) {
        double half = painter.playheadHalfWidth();
        double xp = painter.pAbs - x0;
        double left = Math.floor(xp - half);
        double local = xp - left;
        double pw = Math.ceil(2 * half) + 2;
        playhead.setLayoutX(left);
        if (local == drawnPlayheadLocal && scale.get() == drawnPlayheadScale && h == drawnPlayheadHeight
                && playhead.getWidth() == pw) {
            return;
        }
        drawnPlayheadLocal = local;
        drawnPlayheadScale = scale.get();
        drawnPlayheadHeight = h;
        if (playhead.getWidth() != pw || playhead.getHeight() != h) {
            playhead.setWidth(pw);
            playhead.setHeight(h);
        }
        GraphicsContext g = playhead.getGraphicsContext2D();
        g.clearRect(0, 0, pw, h);
        painter.paintPlayhead(g, local, h);
    }

    /**
     * Where the view starts (in units, the view being {@code widthUnits} wide) when the playhead
     * is at {@code unit}. While the run fits, at 0; after that the view turns a page at a time: the
     * playhead crosses a still picture until it nears the right edge (8 % of the view is kept ahead
     * of it), then the view jumps on by {@link #PAGE} of its width, so the playhead is back near
     * the left with the latest wake-ups still in sight. A class can read labels and arrows that
     * stand still; and a frame that only moves the playhead repaints a narrow band instead of the
     * whole view (software rendering pays per pixel). A function of the playhead alone, so the
     * same moment always looks the same, however it was reached (playing, stepping, scrubbing).
     */
    static double viewStart(double unit, double widthUnits) {
        double lead = widthUnits / AHEAD;
        if (!(unit > lead)) {
            return 0;
        }
        double page = widthUnits * PAGE;
        return Math.ceil((unit - lead) / page) * page;
    }

    /** How far the view jumps when the playhead nears its right edge, as a share of its width. */
    static final double PAGE = 0.7;

    /**
     * The view is this many times as wide as the run it shows whole (fitScale), and so keeps
     * 1 - 1 / AHEAD of itself (about 7 %) ahead of the playhead when it turns pages (viewStart).
     */
    static final double AHEAD = 1.08;

    /**
     * Pixels per unit: the chosen zoom, halved as often as needed (down to a readable minimum) so
     * the run so far fits; after that the view follows the playhead. Halving in whole steps keeps
     * the picture still while playing instead of shrinking it every frame.
     */
    private double fitScale(double w) {
        double ppu = pxPerUnit.get() * scale.get();
        double min = 40 * scale.get();
        double need = Math.max(1, shownUnit) * AHEAD;
        while (ppu / 2 >= min && need * ppu > w) {
            ppu /= 2;
        }
        return ppu;
    }

    /** The absolute x at the view's left edge: above 0 once the view has turned a page. */
    public double viewStartPixels() {
        return x0;
    }

    /** How the cache did so far (frames, frames that repainted everything, tiles painted, tiles repaired). */
    public String cacheStats() {
        return String.format("%d frames, %d repainted everything, %d tiles painted whole, %d repaired, %d sprites made",
                stats[0], stats[1], stats[2], stats[3], spritesMade());
    }

    /** How many label, tag and poll-mark images the drawing has made (each is made once, then copied). */
    public int spritesMade() {
        return painter.spritesMade();
    }

    /** What the lanes show now (the cached tiles with the layers over them), for tests. */
    public WritableImage snapshotDrawing() {
        SnapshotParameters sp = new SnapshotParameters();
        // The viewport is in the parent's coordinates.
        sp.setViewport(new Rectangle2D(surface.getLayoutX(), surface.getLayoutY(), viewW, viewH));
        return surface.snapshot(sp, null);
    }

    /** The same picture drawn from scratch in one go, for tests: it must look like {@link #snapshotDrawing()}. */
    public WritableImage drawFromScratch() {
        Canvas c = new Canvas(viewW, viewH);
        GraphicsContext g = c.getGraphicsContext2D();
        if (timeline != null && viewW > 0 && viewH > 0) {
            // Picked afresh, so the comparison with the tiles checks the kept picks too.
            painter.forgetPicks();
            painter.paint(g, x0, 0, 0, viewW, viewH, x0, false);
            painter.paintPlayhead(g, painter.pAbs - x0, viewH);
        }
        SnapshotParameters sp = new SnapshotParameters();
        sp.setViewport(new Rectangle2D(0, 0, viewW, viewH));
        return c.snapshot(sp, null);
    }

    /** Only rows on screen: off-screen headers keep stale text until scrolled to (cheap pulses). */
    private void updateHeaders(int firstRow, int lastRow) {
        for (int r = firstRow; r <= lastRow; r++) {
            int t = taskOfRow[r];
            if (t >= headerNodes.size()) {
                continue;
            }
            Header h = headerNodes.get(t);
            TraceIndex.Lane lane = timeline.lanes().get(t);
            if (lane == null) {
                continue;
            }
            int s = lane.segmentAt(position);
            TaskState st = s < 0 ? TaskState.READY : lane.segmentState(s);
            String text = s < 0 ? painter.segmentLabel(st, -1, null, 0)
                    : painter.segmentLabel(st, lane.segmentEvent(s), timeline.log(), lane.segmentStart(s));
            if (!text.equals(h.lastState)) {
                h.lastState = text;
                h.name.setText(lane.name());
                h.state.setText(text);
                Styles.applyState(h.state, st);
                Styles.applyFinished(h.name, st);
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
