package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Styles;
import dev.eventlanes.scene.TraceIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws the lanes: row stripes, every lane's segments with their patterns and labels, poll marks,
 * wake-up arrows with their tags, the ruler over them, and (separately) the playhead.
 *
 * <p>Everything is placed in <em>absolute</em> pixels along the whole run, x = unit x pixels per
 * unit, rounded to 1/256 px. A drawing is given its origin (the absolute x of its own x = 0), so a
 * piece drawn on its own (a tile of the cache, a strip, a clipped repair) is pixel for pixel what a
 * drawing of everything shows at that place, wherever the view has scrolled to (patterns too: they
 * are anchored at absolute 0).
 *
 * <p>Marks that could crowd each other are thinned by rules that never change what is already drawn
 * when the run grows at the playhead: polls (28 px apart), arrows (6 px apart) and the ruler's ticks
 * and times are picked left to right within blocks of {@link #BLOCK} absolute pixels, each block
 * starting from the mark just before it; tags are picked right to left (the newest set() keeps its name) within such a block,
 * starting from the tags of the block after it. So a cached drawing needs repainting only near the
 * playhead, where a label grows into its segment, and along the row of a new tag, back to the start
 * of the block before the playhead's.
 *
 * <p>Three things follow the view's left edge instead: a segment that began before it is cut
 * there, its label kept in sight at the edge; a tag is kept from running off it (an arrow that has
 * scrolled past the edge keeps no tag); and a ruler time whose tick is left of it is not shown
 * (it would be cut in half, "=18.15"). Drawn with {@code stickyX} = the
 * edge; with {@code stickyX} = 0 a drawing is independent of the view. The two differ only within
 * {@link #stickyPatches}.
 */
final class LanePainter {
    /** Width of the blocks polls and arrows are thinned in, in absolute pixels. */
    static final double BLOCK = 256;
    /** The window's own colour: the lanes have no background of their own (see MainView.clearCoveredBackgrounds). */
    private static final Color BACKGROUND = Styles.WINDOW_BACKGROUND;
    private static final Color STRIPE = Color.web("#f1f3f7");
    private static final Color HIGHLIGHT = Color.web("#fff4cc");
    private static final Color RUNNING_EDGE = Color.web("#14532d");
    private static final Color DARK_TEXT = Color.web("#1d1d1f");
    private static final Color FINISHED_TEXT = Color.web("#444");
    private static final Color POLL_TRUE = Color.web("#1e8e3e");
    private static final Color POLL_FALSE = Color.web("#ffffff");
    private static final Color ARROW = Color.web("#c0392b");
    private static final Color TAG_FILL = Color.rgb(255, 255, 255, 0.92);
    private static final Color RULER = Color.web("#e9ecf2");
    private static final Color RULER_LINE = Color.web("#9aa3b2");
    private static final Color PLAYHEAD = Color.web("#d62d20");
    private static final TaskState[] STATES = TaskState.values();
    /** Lane fills by state (made once: Styles makes a new colour from its name on every call). */
    private static final Color[] LANE = new Color[STATES.length];

    static {
        for (TaskState s : STATES) {
            LANE[s.ordinal()] = Styles.laneColor(s);
        }
    }

    private final I18n i18n;
    private final Patterns patterns = new Patterns();
    private final Text measure = new Text();
    private final Map<Font, Map<String, Double>> widths = new HashMap<>();

    // The frame: what is drawn and where (set by LanesView before drawing).
    TraceIndex tl;
    /** The timeline's arrows and events (live views, kept: asking the timeline makes a new one). */
    private List<TraceIndex.Arrow> arrows = List.of();
    private List<TraceIndex.EventTrack> events = List.of();
    private List<TraceIndex.Lane> lanes = List.of();
    private TraceIndex listsFor;
    TraceLog log;
    int position;
    /** Playhead, in units and in absolute pixels. */
    double shownUnit;
    double pAbs;
    double ppu;
    double scale;
    double rowHeight;
    double top;
    double scroll;
    int firstRow;
    int lastRow;
    int[] taskOfRow = new int[0];
    int[] rowOfTask = new int[0];
    int selected = -1;
    Font font;
    Font smallFont;
    Font boldFont;
    /** Arrows drawn: a prefix of the timeline's arrows (see {@link #visibleArrows}). */
    int arrowsShown;

    // Texts, per language and per event (cleared by {@link #textsChanged}).
    private String[] stateLabels;
    private String childrenLabel;
    private final List<String> waitingOn = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private double labelExtent;
    private double labelOverflow;
    private double tagExtent;
    private double tagOverflow;
    private int extentsFor = -1;

    // Level of detail: the pending run of one-pixel columns (see drawLane).
    private TaskState runState;
    private double runStart;
    private double runEnd;

    /** Bumped for every new frame: what was worked out for the last one is then stale. */
    long frame;
    /** Absolute x range this frame draws in at most (the tiles'), so one pick serves every piece. */
    double frameLeft;
    double frameRight;
    /** Arrows picked for this frame: from absolute 0 (tiles) and from the view's edge (strip). */
    private final Picked[] picked = {new Picked(), new Picked()};
    private final Map<Integer, String> rulerLabels = new HashMap<>();
    private TraceIndex rulerLabelsFor;

    /** Arrows shown in a range, left to right, with their x and whether each one's tag shows. */
    private static final class Picked {
        long frame = -1;
        double stickyX;
        double left;
        double right;
        int n;
        int[] arrow = new int[64];
        double[] x = new double[64];
        boolean[] tag = new boolean[64];
    }

    LanePainter(I18n i18n) {
        this.i18n = i18n;
    }

    /** Takes the timeline's lists once per timeline (see {@link #arrows}). */
    void timelineSet() {
        if (listsFor != tl) {
            listsFor = tl;
            arrows = tl.arrows();
            events = tl.events();
            lanes = tl.lanes();
        }
    }

    /** After a language or font change: labels and their measured widths are made again. */
    void textsChanged() {
        sprites.clear();
        stateLabels = null;
        waitingOn.clear();
        tags.clear();
        widths.clear();
        extentsFor = -1;
    }

    /** Absolute x of a layout unit. */
    double ax(double unit) {
        // Math.round, not Math.rint: the window's JVM compiles with C1 alone, which makes rint a call
        // into StrictMath (5 % of the FX thread while playing); round is plain Java it inlines.
        return Math.round(unit * ppu * 256) / 256.0;
    }

    /** Absolute x of trace entry i. */
    double xOf(int i) {
        return ax(tl.unitOf(i));
    }

    // ------------------------------------------------------------------ reach

    private void extents() {
        int n = events.size();
        if (extentsFor == n) {
            return;
        }
        extentsFor = n;
        double ext = 0;
        double over = 0;
        List<String> labels = new ArrayList<>(Arrays.asList(stateLabels()));
        labels.add(childrenLabel);
        for (int e = 0; e < n; e++) {
            if (events.get(e) != null) {
                labels.add(waitingOn(e));
            }
        }
        for (String l : labels) {
            double a = Math.max(width(l, font), width(l, boldFont));
            ext = Math.max(ext, a);
            over = Math.max(over, a - textWidth(l) - 6);
        }
        double tag = 0;
        double tagOver = 0;
        for (int e = 0; e < n; e++) {
            if (events.get(e) != null) {
                String t = tag(e);
                double tw = tagWidth(t);
                double o = Math.max(0, width(t, boldFont) - tw) / 2;
                tag = Math.max(tag, tw + o);
                tagOver = Math.max(tagOver, o);
            }
        }
        labelExtent = ext;
        labelOverflow = over;
        tagExtent = tag;
        tagOverflow = tagOver;
    }

    /** How far left of the playhead the next frame can change the drawing (a poll mark's radius). */
    double leftReach() {
        return 13 * scale + 4;
    }

    /**
     * How far right of the playhead anything is drawn: an arrow's head (14 px on, its line's cap
     * and edge), a poll mark's ring, a segment's two-pixel minimum, a label longer than its estimate.
     */
    double rightReach() {
        extents();
        return Math.max(16 * scale + 3, labelOverflow + 2);
    }

    /** How far left of a drawing's left edge a segment can end and still draw into it. */
    private double backReach() {
        extents();
        return Math.max(3, labelOverflow + 3);
    }

    /** How far right of its segment's start a label can reach. */
    double labelReach() {
        extents();
        return 6 + labelExtent + 4;
    }

    /** The widest tag (box or text), so how far a tag reaches left of its arrow, less the gap. */
    double tagReach() {
        extents();
        return tagExtent + 4;
    }

    /**
     * Where a drawing against the view's left edge {@code x0} differs from one independent of it
     * (absolute x from, to; canvas y from, to): for each row whose segment began before the edge,
     * the edge itself (a running segment's outline, a sliver) and the label (kept in sight there,
     * or the tail of the one at the segment's start); for each row with a tag near the edge, its
     * tags (one kept from running off the edge, the ones of its row that hides or lets show).
     */
    List<double[]> stickyPatches(double x0, double height) {
        List<double[]> out = new ArrayList<>();
        double rh = rowHeight;
        double s = scale;
        int at = tl.positionAtUnit(x0 / ppu);
        for (int r = firstRow; r <= lastRow; r++) {
            double y = top + r * rh - scroll;
            TraceIndex.Lane lane = lanes.get(taskOfRow[r]);
            if (y + rh <= 0 || y >= height || lane == null) {
                continue;
            }
            int last = lane.segmentAt(position);
            int seg = Math.min(last, lane.segmentAt(at));
            if (seg < 0) {
                continue;
            }
            double sa = xOf(lane.segmentStart(seg));
            double sb = seg < last ? Math.min(pAbs, xOf(lane.segmentStart(seg + 1))) : pAbs;
            if (sa >= x0 || sb < x0 || sa > pAbs) {
                continue;
            }
            double by = y + rh * 0.18;
            double bh = rh * 0.64;
            TaskState st = lane.segmentState(seg);
            // Cut at the edge, a segment is drawn apart there: a running one's outline runs down
            // the edge, a sliver narrower than two pixels is widened from it, and any other keeps
            // its anti-aliased first column only when drawn the same way as a fresh drawing does
            // (leaving it to the tile was one pixel off now and then, which LanesDrawingTest saw).
            out.add(new double[] {x0, x0 + 3, by - 2, by + bh + 2});
            String label = segmentLabel(st, lane.segmentEvent(seg), log, lane.segmentStart(seg));
            Font f = st == TaskState.RUNNING ? boldFont : font;
            double lw = width(label, f);
            boolean atStart = labelDrawn(lane, seg, position, pAbs) && sa + 6 + lw + 1 > x0;
            boolean atEdge = !(sb - x0 < 1 && seg < last)
                    && Math.max(st.isFinished() ? 0 : 2, sb - x0) > textWidth(label) + 12;
            if (atStart || atEdge) {
                double ty = st == TaskState.DONE || st == TaskState.CANCELLED ? by + bh * 0.1 : by + bh / 2;
                double half = f.getSize() * 0.75 + 2;
                out.add(new double[] {x0, x0 + 6 + lw + 3, ty - half, ty + half});
            }
        }
        // The ruler at the edge, where the time of a tick left of it would show cut.
        out.add(new double[] {x0, x0 + rulerLabelReach(), 0, top + 1});
        if (arrowsShown > 0) {
            double reach = tagReach();
            Picked pk = pick(x0, x0 + reach + 10 * s + 4, x0);
            List<TraceIndex.Arrow> as = arrows;
            java.util.Set<Integer> rows = new java.util.HashSet<>();
            double th = 24 * s;
            for (int k = 0; k < pk.n; k++) {
                TraceIndex.Arrow ar = as.get(pk.arrow[k]);
                double x = pk.x[k];
                if (x < x0 || x > x0 + reach + 10 * s + 4 || !hasTag(ar)) {
                    continue;
                }
                double ty = ar.fromTask() >= 0 ? yFrom(ar) - th / 2 : top + 3 * s;
                if (rows.add((int) Math.round(yFrom(ar))) && ty + th + 2 > 0 && ty - 2 < height) {
                    out.add(new double[] {x0, x0 + reach + 4, ty - 2, ty + th + 2});
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ texts

    private String[] stateLabels() {
        if (stateLabels == null) {
            stateLabels = new String[STATES.length];
            for (TaskState s : STATES) {
                stateLabels[s.ordinal()] = i18n.get("state." + s.name());
            }
            childrenLabel = i18n.get("state.WAITING.children");
        }
        return stateLabels;
    }

    private String waitingOn(int e) {
        String s = cached(waitingOn, e);
        return s != null ? s : remember(waitingOn, e, i18n.get("state.WAITING.on", events.get(e).name()));
    }

    private String tag(int e) {
        String s = cached(tags, e);
        return s != null ? s : remember(tags, e, events.get(e).name() + ".set()");
    }

    /** Event {@code e}'s text, made once per run and language (drawing asks for it every frame). */
    private static String cached(List<String> cache, int e) {
        return e < cache.size() ? cache.get(e) : null;
    }

    private static String remember(List<String> cache, int e, String s) {
        while (cache.size() <= e) {
            cache.add(null);
        }
        cache.set(e, s);
        return s;
    }

    /** The words for a segment (or, with a null log, for a lane that has not started). */
    String segmentLabel(TaskState st, int event, TraceLog log, int start) {
        if (st == TaskState.WAITING && event < 0 && log != null && log.kind(start) == TraceKind.SUSPEND
                && "children".equals(log.text(start))) {
            stateLabels();
            return childrenLabel;
        }
        if (st == TaskState.WAITING && event >= 0 && event < events.size() && events.get(event) != null) {
            return waitingOn(event);
        }
        return stateLabels()[st.ordinal()];
    }

    /** A cheap width estimate (no text layout per frame): CJK glyphs are about twice as wide. */
    double textWidth(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 18 : 10;
        }
        return w * scale;
    }

    private double tagWidth(String tag) {
        return tag.length() * 10.5 * scale + 10;
    }

    /** The real width of a text, for how far it reaches (measured once per text and font). */
    private double width(String s, Font f) {
        return widths.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(s, k -> {
            measure.setFont(f);
            measure.setText(k);
            return measure.getLayoutBounds().getWidth();
        });
    }

    // ------------------------------------------------------------------ lanes and arrows

    /**
     * Draws the lanes and arrows inside the clip [cl, cr) x [ct, cb) of a drawing whose x = 0 is at
     * absolute x {@code origin}: the background first, so the clip is repainted whole.
     *
     * @param clip whether to clip (not needed when the clip is the whole canvas)
     */
    void paint(GraphicsContext g, double origin, double cl, double ct, double cr, double cb, double stickyX,
               boolean clip) {
        if (clip) {
            g.save();
            g.beginPath();
            g.rect(cl, ct, cr - cl, cb - ct);
            g.clip();
        }
        g.setFill(BACKGROUND);
        g.fillRect(cl, ct, cr - cl, cb - ct);
        g.setTextBaseline(VPos.CENTER);
        double left = origin + cl;
        double right = origin + cr;
        double rh = rowHeight;
        for (int r = firstRow; r <= lastRow; r++) {
            double y = top + r * rh - scroll;
            if (y >= cb || y + rh <= ct) {
                continue;
            }
            int t = taskOfRow[r];
            TraceIndex.Lane lane = lanes.get(t);
            if (r % 2 == 1) {
                g.setFill(STRIPE);
                g.fillRect(cl, y, cr - cl, rh);
            }
            if (t == selected) {
                g.setFill(HIGHLIGHT);
                g.fillRect(cl, y, cr - cl, rh);
            }
            if (lane == null) {
                continue;
            }
            drawLane(g, origin, lane, y + rh * 0.18, rh * 0.64, left, right, stickyX);
        }
        drawArrows(g, origin, left, right, stickyX);
        if (ct < top + 1) {
            drawRuler(g, origin, left, right, stickyX);
        }
        if (clip) {
            g.restore();
        }
    }

    private void drawLane(GraphicsContext g, double origin, TraceIndex.Lane lane, double y, double bh,
                          double left, double right, double stickyX) {
        int last = lane.segmentAt(position);
        if (last < 0) {
            return;
        }
        // Segments that end before this cannot draw into [left, right]: a label reaches at most
        // labelOverflow past its segment's end, a stroke or a two-pixel minimum width 2 px.
        // Starting here instead of further left draws the same: every walk through the segments
        // (see the level of detail below) visits the segment in force at each pixel boundary.
        double from = Math.max(stickyX, left - backReach());
        int first = Math.max(0, lane.segmentAt(tl.positionAtUnit(from / ppu)));
        for (int s = first; s <= last; s++) {
            double sa = xOf(lane.segmentStart(s));
            double sb = s < last ? Math.min(pAbs, xOf(lane.segmentStart(s + 1))) : pAbs;
            if (sa > pAbs || sa - 2 > right) {
                break;
            }
            if (sb < stickyX) {
                continue;
            }
            TaskState st = lane.segmentState(s);
            double x = Math.max(sa, stickyX);
            double xe = sb;
            if (xe - x < 1 && s < last) {
                // Level of detail: many segments inside one pixel column draw as one column, and the
                // loop jumps (by binary search) to the segment at the next pixel, so a busy run costs
                // per pixel, not per segment; neighbouring columns of one state merge into one rect.
                double px = Math.floor(x);
                if (runState == st && px <= runEnd) {
                    runEnd = px + 1;
                } else {
                    flushRun(g, origin, y, bh);
                    runState = st;
                    runStart = px;
                    runEnd = px + 1;
                }
                int ns = lane.segmentAt(tl.positionAtUnit((px + 1) / ppu));
                s = Math.max(s, ns - 1);
                continue;
            }
            flushRun(g, origin, y, bh);
            double wdt = Math.max(st.isFinished() ? 0 : 2, xe - x);
            String label = segmentLabel(st, lane.segmentEvent(s), log, lane.segmentStart(s));
            boolean labelled = wdt > textWidth(label) + 12;
            boolean body = x + wdt + 1 >= left && x - 1 <= right;
            boolean text = labelled && x + 6 + width(label, st == TaskState.RUNNING ? boldFont : font) + 1 >= left
                    && x + 6 - 1 <= right;
            if (!body && !text) {
                continue;
            }
            double cx = x - origin;
            double yy = y;
            double hh = bh;
            if (st == TaskState.DONE || st == TaskState.CANCELLED) {
                yy = y + bh * 0.4;
                hh = bh * 0.2;
            }
            if (body) {
                g.setFill(LANE[st.ordinal()]);
                g.fillRect(cx, yy, wdt, hh);
                Paint p = patterns.overlay(st, origin);
                if (p != null) {
                    g.setFill(p);
                    g.fillRect(cx, yy, wdt, hh);
                }
                if (st == TaskState.RUNNING) {
                    g.setStroke(RUNNING_EDGE);
                    g.setLineWidth(2);
                    g.strokeRect(cx, yy, wdt, hh);
                }
            }
            if (text) {
                boolean darkText = st == TaskState.READY || st == TaskState.DONE || st == TaskState.CANCELLED;
                double ty = st == TaskState.DONE || st == TaskState.CANCELLED ? y + bh * 0.1 : y + bh / 2;
                Color fill = !darkText ? Color.WHITE
                        : st == TaskState.DONE || st == TaskState.CANCELLED ? FINISHED_TEXT : DARK_TEXT;
                text(g, label, st == TaskState.RUNNING ? boldFont : font, fill, TextAlignment.LEFT, cx + 6, ty);
            }
        }
        flushRun(g, origin, y, bh);
        drawPolls(g, origin, lane, y, bh, left, right, stickyX);
    }

    /** Draws the pending run of sub-pixel columns (see drawLane), if any. */
    private void flushRun(GraphicsContext g, double origin, double y, double bh) {
        if (runState != null) {
            g.setFill(LANE[runState.ordinal()]);
            g.fillRect(runStart - origin, y, runEnd - runStart, bh);
            runState = null;
        }
    }

    /** Whether segment s of a lane shows its label at (pos, playhead p), drawn from absolute 0. */
    boolean labelDrawn(TraceIndex.Lane lane, int s, int pos, double p) {
        int last = lane.segmentAt(pos);
        if (s < 0 || s > last) {
            return false;
        }
        double sa = xOf(lane.segmentStart(s));
        if (sa > p) {
            return false;
        }
        double sb = s < last ? Math.min(p, xOf(lane.segmentStart(s + 1))) : p;
        double x = Math.max(sa, 0);
        if (sb < 0 || (sb - x < 1 && s < last)) {
            return false;
        }
        TaskState st = lane.segmentState(s);
        double wdt = Math.max(st.isFinished() ? 0 : 2, sb - x);
        return wdt > textWidth(segmentLabel(st, lane.segmentEvent(s), log, lane.segmentStart(s))) + 12;
    }

    /** The first poll of a lane at or right of absolute x. */
    private int firstPollAtOrAfter(TraceIndex.Lane lane, double x) {
        int np = lane.pollCount();
        int p = lane.pollsBelow(tl.positionAtUnit(x / ppu));
        while (p > 0 && xOf(lane.pollIndex(p - 1)) >= x) {
            p--;
        }
        while (p < np && xOf(lane.pollIndex(p)) < x) {
            p++;
        }
        return p;
    }

    /** Polls: a ring with T or F, readable without colour; at least 28 px apart (see class comment). */
    private void drawPolls(GraphicsContext g, double origin, TraceIndex.Lane lane, double y, double bh,
                           double left, double right, double stickyX) {
        int np = lane.pollCount();
        if (np == 0) {
            return;
        }
        double gap = 28 * scale;
        double r = 13 * scale;
        long b = (long) Math.floor((left - r - 2) / BLOCK);
        long bEnd = (long) Math.floor((right + r + 2) / BLOCK);
        for (; b <= bEnd; b++) {
            double blockEnd = (b + 1) * BLOCK;
            int p = firstPollAtOrAfter(lane, b * BLOCK);
            double lastShown = p > 0 ? xOf(lane.pollIndex(p - 1)) : -1e18;
            while (p < np) {
                int i = lane.pollIndex(p);
                double x = xOf(i);
                if (i >= position || x > pAbs) {
                    return;
                }
                if (x >= blockEnd) {
                    break;
                }
                if (x - lastShown >= gap) {
                    lastShown = x;
                    if (x + r + 2 >= left && x - r - 2 <= right) {
                        poll(g, x - origin, y + bh / 2, r, log.value(i) != 0);
                    }
                }
                p = Math.max(p + 1, firstPollAtOrAfter(lane, lastShown + gap));
            }
        }
    }

    /**
     * A poll mark, copied from an image drawn once per size: software rendering pays for a ring
     * (two paths) and a letter (a text layout) on every drawing, and at 8x a frame repairs dozens
     * of marks. Placed on whole pixels, so the copy is exact.
     */
    private void poll(GraphicsContext g, double x, double cy, double r, boolean v) {
        // An even number of pixels, so the mark's centre falls on a pixel corner.
        int half = (int) Math.ceil(r + 2);
        sprites.draw(g, new PollKey(v, r, boldFont), x, cy, () -> new Sprites.Picture(2 * half, 2 * half, half, half,
                sg -> {
                    sg.setTextBaseline(VPos.CENTER);
                    drawPoll(sg, 0, 0, r, v);
                }));
    }

    private record PollKey(boolean value, double r, Font font) {
    }

    private final Sprites sprites = new Sprites();

    /** Sprites made so far (tests: a frame while playing makes none once the texts are known). */
    int spritesMade() {
        return sprites.made;
    }

    private record TextKey(String text, Font font, Color fill, TextAlignment align) {
    }

    /**
     * Text s at (x, y) (its baseline centred on y, aligned to x as {@code align} says), copied
     * from a sprite (see {@link Sprites}): drawn on the nearest whole pixel.
     */
    private void text(GraphicsContext g, String s, Font f, Color fill, TextAlignment align, double x, double y) {
        sprites.draw(g, new TextKey(s, f, fill, align), x, y, () -> {
            int pad = 2;
            double tw = width(s, f);
            int h = 2 * (int) Math.ceil(f.getSize() * 0.8 + pad);
            int w = align == TextAlignment.CENTER ? 2 * (int) Math.ceil(tw / 2 + pad) : (int) Math.ceil(tw) + 2 * pad;
            return new Sprites.Picture(w, h, align == TextAlignment.CENTER ? w / 2 : pad, h / 2, sg -> {
                sg.setFont(f);
                sg.setFill(fill);
                sg.setTextAlign(align);
                sg.setTextBaseline(VPos.CENTER);
                sg.fillText(s, 0, 0);
            });
        });
    }

    private record TagKey(String tag, Font font, double w, double h) {
    }

    /** The call that caused wake-ups, on a white tag tw by th at (x, y), copied from a sprite. */
    private void tag(GraphicsContext g, String tag, double tw, double th, double x, double y) {
        Font f = boldFont;
        sprites.draw(g, new TagKey(tag, f, tw, th), x, y, () -> new Sprites.Picture((int) Math.ceil(tw) + 4, (int) Math.ceil(th) + 4, 2, 2, sg -> {
            sg.setFill(TAG_FILL);
            sg.fillRoundRect(0, 0, tw, th, 8, 8);
            sg.setStroke(ARROW);
            sg.setLineWidth(1.5);
            sg.strokeRoundRect(0, 0, tw, th, 8, 8);
            sg.setFill(ARROW);
            sg.setFont(f);
            sg.setTextAlign(TextAlignment.CENTER);
            sg.setTextBaseline(VPos.CENTER);
            sg.fillText(tag, tw / 2, th / 2);
        }));
    }

    private void drawPoll(GraphicsContext g, double x, double cy, double r, boolean v) {
        g.setFill(v ? POLL_TRUE : POLL_FALSE);
        g.fillOval(x - r, cy - r, 2 * r, 2 * r);
        g.setStroke(DARK_TEXT);
        g.setLineWidth(2);
        g.strokeOval(x - r, cy - r, 2 * r, 2 * r);
        g.setFill(v ? Color.WHITE : DARK_TEXT);
        g.setFont(boldFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(v ? "T" : "F", x, cy);
    }

    /** How many arrows are drawn at (pos, playhead p): those before pos and not right of p. */
    int visibleArrows(int pos, double p) {
        int lo = 0;
        int hi = tl.arrowCountAt(pos);
        List<TraceIndex.Arrow> as = arrows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xOf(as.get(mid).index()) <= p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int firstArrowAtOrAfter(double x) {
        return firstAtOrAfter(arrowX, arrows.size(), x, 0);
    }

    /** Absolute x of arrow a (arrows are in x order). */
    private final java.util.function.IntToDoubleFunction arrowX = a -> xOf(arrows.get(a).index());

    /**
     * The first of n items in x order whose x is at least {@code x}, given that none before
     * {@code from} is. It gallops on from {@code from} before it halves: picking the arrows of a
     * frame asks for the next one after each, which is a few items on, and a search of the whole
     * run (hundreds of thousands of arrows at 8x) touched far-apart memory at every step.
     */
    static int firstAtOrAfter(java.util.function.IntToDoubleFunction xAt, int n, double x, int from) {
        int lo = from;
        int hi;
        int bound = 1;
        while (true) {
            hi = from + bound - 1;
            if (hi >= n) {
                hi = n;
                break;
            }
            if (xAt.applyAsDouble(hi) >= x) {
                break;
            }
            lo = hi + 1;
            bound <<= 1;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xAt.applyAsDouble(mid) < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The arrows shown with x in [from, to], left to right: at least 6 px apart, picked left to
     * right within each block, starting from the arrow just before the block. A block's choice
     * depends on its own arrows and the one before it alone, so once arrows lie beyond a block
     * (the playhead has left it) its choice is kept ({@link #blockPicks}): at 8x a block holds
     * thousands of arrows, and picking it again searched them every frame (a fifteenth of the FX
     * thread's time while playing).
     */
    private void pickArrows(Picked pk, double from, double to, int n) {
        pk.n = 0;
        if (picksFor != tl || picksPpu != ppu || picksScale != scale) {
            blockPicks.clear();
            picksFor = tl;
            picksPpu = ppu;
            picksScale = scale;
        }
        long b = (long) Math.floor(from / BLOCK);
        long bEnd = (long) Math.floor(to / BLOCK);
        for (; b <= bEnd; b++) {
            BlockPick bp = blockPicks.get(b);
            int[] as;
            double[] xs;
            int count;
            int end;
            if (bp != null) {
                as = bp.arrow();
                xs = bp.x();
                count = as.length;
                end = bp.end();
            } else {
                // The block at the playhead is picked afresh each time; whole ones are kept.
                end = pickBlock(b, n);
                as = scratch.arrow;
                xs = scratch.x;
                count = scratch.n;
                if (end >= 0) {
                    blockPicks.put(b, new BlockPick(Arrays.copyOf(as, count), Arrays.copyOf(xs, count), end));
                }
            }
            // Kept from a later moment (before a step back), the block may hold arrows not yet
            // made at this one: picking is left to right, so those before n are picked alike.
            boolean whole = end >= 0 && end < n;
            for (int i = 0; i < count && as[i] < n; i++) {
                double x = xs[i];
                if (x >= from && x <= to) {
                    if (pk.n == pk.arrow.length) {
                        pk.arrow = Arrays.copyOf(pk.arrow, pk.n * 2);
                        pk.x = Arrays.copyOf(pk.x, pk.n * 2);
                        pk.tag = Arrays.copyOf(pk.tag, pk.n * 2);
                    }
                    pk.arrow[pk.n] = as[i];
                    pk.x[pk.n++] = x;
                }
            }
            if (!whole) {
                // The first n arrows end inside this block: none lies further right.
                return;
            }
        }
    }

    /**
     * Picks block b's arrows among the first n into {@link #scratch}. Returns the first arrow
     * beyond the block if it is among the n (the block is whole: no later arrow can fall inside
     * it), else -1.
     */
    private int pickBlock(long b, int n) {
        Picked out = scratch;
        out.n = 0;
        List<TraceIndex.Arrow> as = arrows;
        double gap = 6 * scale;
        double blockEnd = (b + 1) * BLOCK;
        int a = firstArrowAtOrAfter(b * BLOCK);
        double lastShown = a > 0 && a - 1 < n ? xOf(as.get(a - 1).index()) : -1e18;
        while (a < n) {
            double x = xOf(as.get(a).index());
            if (x >= blockEnd) {
                return a;
            }
            if (x - lastShown >= gap) {
                lastShown = x;
                if (out.n == out.arrow.length) {
                    out.arrow = Arrays.copyOf(out.arrow, out.n * 2);
                    out.x = Arrays.copyOf(out.x, out.n * 2);
                }
                out.arrow[out.n] = a;
                out.x[out.n++] = x;
            }
            a = firstAtOrAfter(arrowX, as.size(), lastShown + gap, a + 1);
        }
        return -1;
    }

    /** Forgets the kept picks (see {@link #pickArrows}): the next drawing picks every block afresh. */
    void forgetPicks() {
        picksFor = null;
        for (Picked pk : picked) {
            pk.frame = -1;
        }
    }

    /** The arrows picked in one block (indexes and x), and the first arrow beyond it (-1: none yet). */
    private record BlockPick(int[] arrow, double[] x, int end) {
    }

    /** Whole blocks' picks, for the timeline, zoom and scale they were made at; the oldest go after 4096. */
    private final Map<Long, BlockPick> blockPicks = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BlockPick> eldest) {
            return size() > 4096;
        }
    };
    private TraceIndex picksFor;
    private double picksPpu = -1;
    private double picksScale = -1;
    private final Picked scratch = new Picked();

    /** Picks the arrows (and their tags) a drawing of [left, right] needs, once per frame. */
    private Picked pick(double left, double right, double stickyX) {
        Picked pk = picked[stickyX == 0 ? 0 : 1];
        if (pk.frame == frame && pk.stickyX == stickyX && left >= pk.left && right <= pk.right) {
            return pk;
        }
        double l = Math.min(left, frameLeft);
        double r = Math.max(right, frameRight);
        double s = scale;
        double tagR = tagReach();
        // Tags are decided per block, right to left, so whole blocks (and the one after) are needed.
        long tb0 = (long) Math.floor((l - 2) / BLOCK);
        long tb1 = (long) Math.floor((r + tagR + 10 * s + 2) / BLOCK);
        pickArrows(pk, Math.min(l - 16 * s - 4, tb0 * BLOCK), Math.max(r + 6 * s + 4, (tb1 + 2) * BLOCK), arrowsShown);
        decideTags(pk, stickyX);
        pk.frame = frame;
        pk.stickyX = stickyX;
        pk.left = l;
        pk.right = r;
        return pk;
    }

    private void decideTags(Picked pk, double stickyX) {
        double s = scale;
        // The newest tag of a block is kept; going left, a tag that would overlap the kept one to its
        // right on the same row is left out (the arrow itself still shows). A block starts from the
        // tags of the block to its right, all of them, drawn or not: so a block's choice is fixed
        // once the playhead has moved past the next one.
        List<TraceIndex.Arrow> as = arrows;
        RowLefts kept = keptTags;
        RowLefts inBlock = blockTags;
        kept.clear();
        inBlock.clear();
        long block = Long.MAX_VALUE;
        for (int k = pk.n - 1; k >= 0; k--) {
            TraceIndex.Arrow ar = as.get(pk.arrow[k]);
            long b = (long) Math.floor(pk.x[k] / BLOCK);
            if (b != block) {
                if (b == block - 1) {
                    RowLefts t = kept;
                    kept = inBlock;
                    inBlock = t;
                } else {
                    kept.clear();
                }
                inBlock.clear();
                block = b;
            }
            pk.tag[k] = false;
            if (hasTag(ar)) {
                double tw = tagWidth(tag(ar.event()));
                double tx = Math.max(stickyX + 2, pk.x[k] - tw - 10 * s);
                int key = (int) Math.round(yFrom(ar));
                double leftOfNext = kept.get(key);
                if (Double.isNaN(leftOfNext) || tx + tw + 4 <= leftOfNext) {
                    pk.tag[k] = true;
                    kept.put(key, tx);
                }
                double was = inBlock.get(key);
                inBlock.put(key, Double.isNaN(was) ? tx : Math.min(was, tx));
            }
        }
    }

    private final RowLefts keptTags = new RowLefts();
    private final RowLefts blockTags = new RowLefts();

    /** A left edge per row (keyed by its y), without boxing: a handful of rows per block. */
    private static final class RowLefts {
        private int[] keys = new int[16];
        private double[] values = new double[16];
        private int n;

        void clear() {
            n = 0;
        }

        /** The value for a key, or NaN. */
        double get(int key) {
            for (int i = 0; i < n; i++) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return Double.NaN;
        }

        void put(int key, double value) {
            for (int i = 0; i < n; i++) {
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
            }
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            keys[n] = key;
            values[n++] = value;
        }
    }

    private final Picked before = new Picked();
    private final Picked after = new Picked();

    /**
     * Where tags differ between showing the first {@code was} arrows and showing the first
     * {@link #arrowsShown} (absolute x from, to; canvas y from, to): the new arrows' tags, and tags
     * of their rows that a newer one now hides or lets show again (drawn from absolute 0).
     */
    List<double[]> tagChanges(int was, double height) {
        List<double[]> out = new ArrayList<>();
        if (arrowsShown <= was) {
            return out;
        }
        List<TraceIndex.Arrow> as = arrows;
        double first = xOf(as.get(was).index());
        double last = xOf(as.get(arrowsShown - 1).index());
        // A new arrow changes the choice in its own block and the one before it (see pick).
        double from = (Math.floor(first / BLOCK) - 1) * BLOCK;
        double to = (Math.floor(last / BLOCK) + 2) * BLOCK;
        pickArrows(before, from, to, was);
        decideTags(before, 0);
        pickArrows(after, from, to, arrowsShown);
        decideTags(after, 0);
        double s = scale;
        double th = 24 * s;
        extents();
        int j = 0;
        for (int k = 0; k < after.n; k++) {
            int a = after.arrow[k];
            while (j < before.n && before.arrow[j] < a) {
                j++;
            }
            boolean wasShown = j < before.n && before.arrow[j] == a && before.tag[j];
            if (wasShown == after.tag[k]) {
                continue;
            }
            TraceIndex.Arrow ar = as.get(a);
            String tag = tag(ar.event());
            double tw = tagWidth(tag);
            double tx = Math.max(2, after.x[k] - tw - 10 * s);
            double ty = ar.fromTask() >= 0 ? yFrom(ar) - th / 2 : top + 3 * s;
            if (ty + th + 2 < 0 || ty - 2 > height) {
                continue;
            }
            double over = tagOverflow + 2;
            out.add(new double[] {tx - over, tx + tw + over, ty - 2, ty + th + 2});
        }
        return out;
    }

    private double yFrom(TraceIndex.Arrow ar) {
        int f = ar.fromTask();
        double rh = rowHeight;
        return f >= 0 && f < rowOfTask.length && rowOfTask[f] >= 0 ? top + rowOfTask[f] * rh - scroll + rh / 2 : top;
    }

    private boolean hasTag(TraceIndex.Arrow ar) {
        return ar.event() >= 0 && ar.event() < events.size() && events.get(ar.event()) != null;
    }

    /** Wake-up arrows, over the lanes, newest first; each set()'s tag left of its arrow. */
    private void drawArrows(GraphicsContext g, double origin, double left, double right, double stickyX) {
        if (arrowsShown == 0) {
            return;
        }
        double s = scale;
        double tagR = tagReach();
        Picked pk = pick(left, right, stickyX);
        List<TraceIndex.Arrow> as = arrows;
        g.setLineWidth(2.5 * s);
        for (int k = pk.n - 1; k >= 0; k--) {
            double x = pk.x[k];
            if (x - tagR - 10 * s - 4 > right) {
                continue;
            }
            if (x + 16 * s + 4 < left) {
                break;
            }
            TraceIndex.Arrow ar = as.get(pk.arrow[k]);
            double yFrom = yFrom(ar);
            double cx = x - origin;
            if (x + 16 * s + 2 >= left && x - 6 * s - 2 <= right) {
                for (int to : ar.toTasks()) {
                    if (to < 0 || to >= rowOfTask.length || rowOfTask[to] < 0) {
                        continue;
                    }
                    double yTo = top + rowOfTask[to] * rowHeight - scroll + rowHeight / 2;
                    arrow(g, cx, yFrom, cx + 14 * s, yTo);
                }
                g.setFill(ARROW);
                g.fillOval(cx - 6 * s, yFrom - 6 * s, 12 * s, 12 * s);
            }
            if (!pk.tag[k] || x < stickyX) {
                // An arrow that has scrolled past the edge keeps no tag there.
                continue;
            }
            String tag = tag(ar.event());
            double tw = tagWidth(tag);
            double tx = Math.max(stickyX + 2, x - tw - 10 * s);
            if (tx + tw + tagR >= left && tx - tagR <= right) {
                // The call that caused the wake-ups, on a white tag so it reads over any lane.
                double th = 24 * s;
                double ctx = tx - origin;
                // A click from outside has no lane: its tag sits just under the ruler, not on it.
                double ty = ar.fromTask() >= 0 ? yFrom - th / 2 : top + 3 * s;
                tag(g, tag, tw, th, ctx, ty);
            }
        }
    }

    private void arrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
        g.setStroke(ARROW);
        g.strokeLine(x1, y1, x2, y2);
        double ang = Math.atan2(y2 - y1, x2 - x1);
        double len = 12 * scale;
        g.setFill(ARROW);
        g.fillPolygon(new double[] {x2, x2 - len * Math.cos(ang - 0.45), x2 - len * Math.cos(ang + 0.45)},
                new double[] {y2, y2 - len * Math.sin(ang - 0.45), y2 - len * Math.sin(ang + 0.45)}, 3);
    }

    // ------------------------------------------------------------------ ruler and playhead

    /** The first clock jump (see TraceIndex) at or right of absolute x. */
    private int firstJumpAtOrAfter(double x) {
        int n = tl.clockJumpCount();
        int j = tl.clockJumpsBelow(tl.positionAtUnit(x / ppu));
        while (j > 0 && xOf(tl.clockJump(j - 1)) >= x) {
            j--;
        }
        while (j < n && xOf(tl.clockJump(j)) < x) {
            j++;
        }
        return j;
    }

    /** How far right of its tick a ruler label can reach. */
    double rulerLabelReach() {
        return 3 + width("t=00000.000", smallFont) + 4;
    }

    /**
     * The ruler across the top: a tick where the clock moved (5 px apart at least) and its time
     * where there is room after the last one; both picked left to right per block, like polls, so
     * ticks and times stay put as the view scrolls. Drawn over the lanes, inside [left, right].
     */
    private void drawRuler(GraphicsContext g, double origin, double left, double right, double stickyX) {
        double s = scale;
        g.setFill(RULER);
        g.fillRect(left - origin - 1, 0, right - left + 2, top);
        // Lines along the axes as rectangles: the same pixels, without stroking a path.
        g.setFill(RULER_LINE);
        g.fillRect(left - origin - 1.5, top - 0.5, right - left + 3, 1);
        g.setFont(smallFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double reach = rulerLabelReach();
        // A time whose tick has scrolled past the view's left edge is not shown cut in half there.
        if (4 <= right && 4 + reach >= left && stickyX <= 0) {
            g.setFill(DARK_TEXT);
            g.fillText("t=0", 4 - origin, top / 2);
        }
        int n = tl.clockJumpsBelow(position);
        long b = (long) Math.floor((left - reach) / BLOCK);
        long bEnd = (long) Math.floor((right + 1) / BLOCK);
        for (; b <= bEnd; b++) {
            double blockEnd = (b + 1) * BLOCK;
            int j = firstJumpAtOrAfter(b * BLOCK);
            // A block starts after the jump before it, as if that one had its tick and its time.
            double lastTick = -1e9;
            double lastX = 4;
            double minGap = 70 * s;
            if (j > 0) {
                lastTick = xOf(tl.clockJump(j - 1));
                lastX = lastTick;
                minGap = Math.max(70 * s, textWidth(rulerLabel(tl.clockJump(j - 1))) * 0.85 + 14 * s);
            }
            while (j < n) {
                int i = tl.clockJump(j);
                double x = xOf(i);
                if (x >= blockEnd || x > right + 1) {
                    break;
                }
                if (x - lastTick >= 5) {
                    lastTick = x;
                    double cx = x - origin;
                    if (x + 1 >= left) {
                        g.setFill(RULER_LINE);
                        g.fillRect(cx - 0.5, top * 0.6 - 0.5, 1, top * 0.4 + 1);
                    }
                    if (x - lastX >= minGap) {
                        String label = rulerLabel(i);
                        if (x + reach >= left && x >= stickyX) {
                            g.setFill(DARK_TEXT);
                            g.fillText(label, cx + 3, top / 2);
                        }
                        lastX = x;
                        minGap = Math.max(70 * s, textWidth(label) * 0.85 + 14 * s);
                    }
                }
                j = Math.max(j + 1, firstJumpAtOrAfter(lastTick + 5));
            }
        }
    }

    /** "t=1.25" for the clock jump at entry i (formatted once: the ruler is redrawn as it scrolls). */
    private String rulerLabel(int i) {
        if (rulerLabelsFor != tl || rulerLabels.size() > 4096) {
            rulerLabels.clear();
            rulerLabelsFor = tl;
        }
        return rulerLabels.computeIfAbsent(i, k -> "t=" + Loop.formatTime(log.time(k)));
    }

    /** The playhead at x (in the canvas), down to height h. */
    void paintPlayhead(GraphicsContext g, double x, double h) {
        g.setStroke(PLAYHEAD);
        g.setLineWidth(3 * scale);
        g.strokeLine(x, top, x, h);
        g.setFill(PLAYHEAD);
        double s = 9 * scale;
        g.fillPolygon(new double[] {x - s, x + s, x}, new double[] {top - s * 1.4, top - s * 1.4, top}, 3);
    }

    /** Half the width the playhead needs either side of its x. */
    double playheadHalfWidth() {
        return 9 * scale + 3 * scale + 2;
    }
}
