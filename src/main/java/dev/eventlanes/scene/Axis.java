package dev.eventlanes.scene;

/**
 * The horizontal axis at one zoom: where each trace entry and each virtual time is drawn, in
 * absolute pixels from t = 0 (a view shows a window of them).
 *
 * <p>Time is proportional: {@code x = pixelsPerSecond * t + slotPixels * slots}, where
 * {@code slots} is the room taken by scheduler steps so far (see {@link TraceIndex}). Between two
 * instants the x grows by exactly the elapsed time times {@link #pixelsPerSecond()}; what happens
 * at one instant is spread over its <em>instant band</em>, room that stands for no time at all and
 * is drawn as such. So a 2 s freeze is ten times as wide as 0.2 s of sleep, and a set() at
 * t = 2.0 is drawn inside the band that starts at the 2.0 tick, never past a later one.
 *
 * <p>The zoom is two numbers, both scaled together when the user zooms: pixels per second and
 * pixels per slot. A slot is never narrower than {@link #MIN_SLOT} (times the window's scale), so
 * zoomed far out a band still shows as a sliver; zoomed in, crowded steps come apart.
 */
public final class Axis {
    /** The narrowest a slot is drawn, in pixels at scale 1. */
    public static final double MIN_SLOT = 2;
    /** The widest slot a fitted view gives: room for a mark and its edges, at scale 1. */
    public static final double MAX_SLOT = 30;
    /** The widest slot a fitted view gives a run in which no time passes: room for labels. */
    public static final double ZERO_TIME_SLOT = 90;
    /** The narrowest slot the window picks by itself (see {@link #fit}): marks still apart. */
    public static final double READABLE_SLOT = 22;
    /** The fewest pixels per second the window picks by itself. */
    public static final double READABLE_PPS = 40;

    private final TraceIndex index;
    private final double pps;
    private final double slotScale;
    private final double slotPx;
    private final double scale;

    /**
     * @param pps       pixels per virtual second
     * @param slotScale the slot width before clamping (zooming scales it with {@code pps})
     * @param scale     the window's scale (zoom of the whole window): the slot's limits scale with it
     */
    public Axis(TraceIndex index, double pps, double slotScale, double scale) {
        this.index = index;
        this.pps = pps;
        this.slotScale = slotScale;
        this.scale = scale;
        this.slotPx = Math.max(MIN_SLOT * scale, slotScale);
    }

    public TraceIndex index() {
        return index;
    }

    public double pixelsPerSecond() {
        return pps;
    }

    /** The width of one slot of an instant band. */
    public double slotPixels() {
        return slotPx;
    }

    public double slotScale() {
        return slotScale;
    }

    public double scale() {
        return scale;
    }

    /** The same axis zoomed by {@code f} (both numbers; see the class comment). */
    public Axis zoomed(double f) {
        return new Axis(index, pps * f, slotScale * f, scale);
    }

    /** Absolute x of entry i. */
    public double x(int i) {
        return pps * index.time(i) + slotPx * index.slots(i);
    }

    /** Absolute x of the position after k entries: where the last of them was drawn. */
    public double xAt(int k) {
        return k <= 0 || index.size() == 0 ? 0 : x(Math.min(k, index.size()) - 1);
    }

    /**
     * Absolute x of virtual time t: the start of t's instant band if something happens at t,
     * else the place time t has between its neighbours. Over the entries recorded so far.
     */
    public double xOfTime(double t) {
        int n = index.size();
        // The first entry at or after t.
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (index.time(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // Between instants that is where the last band ended; at an instant, where its band starts.
        double sl = lo < n ? index.slots(lo) : index.slotsAt(n);
        return pps * t + slotPx * sl;
    }

    /** How many entries are drawn at or left of absolute x (binary search). */
    public int positionAtX(double x) {
        int lo = 0;
        int hi = index.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x(mid) <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The virtual time at absolute x: inside an instant band, that instant; between instants, the
     * time proportionally between them. For the pointer's time and for zooming at it.
     */
    public double timeAtX(double x) {
        int n = index.size();
        if (n == 0) {
            return Math.max(0, x / pps);
        }
        int k = positionAtX(x);
        if (k == 0) {
            return Math.max(0, (x - slotPx * index.slots(0)) / pps);
        }
        double t0 = index.time(k - 1);
        double x0 = x(k - 1);
        if (k >= n) {
            return t0 + Math.max(0, x - x0) / pps;
        }
        double t1 = index.time(k);
        double x1 = x(k);
        if (t1 <= t0 || x1 <= x0) {
            return t0;
        }
        // Between two instants the slots of the first one's band come first, then the time.
        double bandEnd = pps * t0 + slotPx * index.slots(k);
        if (x <= bandEnd) {
            return t0;
        }
        return Math.min(t1, t0 + (x - bandEnd) / pps);
    }

    /**
     * The zoom at which the first k entries fill {@code width} pixels. A slot is as wide as
     * {@link TraceIndex#STEP_GAP} seconds (so the playhead crosses bands and time alike), but at
     * most {@link #MAX_SLOT}: a lesson's few steps get room for their marks and time the rest.
     * Never below {@link #READABLE_PPS}: a longer run is then followed a page at a time.
     */
    public static Axis fit(TraceIndex index, int k, double width, double scale) {
        k = Math.min(k, index.size());
        double t = k == 0 ? 0 : index.time(k - 1);
        double slots = index.slotsAt(k);
        double usable = Math.max(50, width);
        double pps = usable / Math.max(1e-9, t + TraceIndex.STEP_GAP * slots);
        double slot = TraceIndex.STEP_GAP * pps;
        if (t <= 0) {
            // Everything at one instant (a deadlock at 0, a run without sleeps): the steps may have
            // the whole width, up to room for their labels.
            slot = Math.min(ZERO_TIME_SLOT * scale, usable / Math.max(1, slots));
            return new Axis(index, 400 * scale, Math.max(slot, READABLE_SLOT * scale), scale);
        }
        if (slot > MAX_SLOT * scale) {
            slot = MAX_SLOT * scale;
            pps = t > 0 ? Math.max(0, usable - slot * slots) / t : 400 * scale;
            if (t > 0 && pps < slot / TraceIndex.STEP_GAP) {
                // Slots would be wider than their share of time: both at the natural ratio.
                pps = usable / (t + TraceIndex.STEP_GAP * slots);
                slot = TraceIndex.STEP_GAP * pps;
            }
        }
        if (pps < READABLE_PPS * scale) {
            pps = READABLE_PPS * scale;
            slot = TraceIndex.STEP_GAP * pps;
        }
        return new Axis(index, Math.min(pps, 1e7), slot, scale);
    }
}
