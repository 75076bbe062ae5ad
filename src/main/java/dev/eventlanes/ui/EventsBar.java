package dev.eventlanes.ui;

import dev.eventlanes.scene.TraceIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.TranslateTransition;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * One row of toggles, one per event (scrolls sideways when there are many): a switch that is on when the event is set, its name, and how many tasks
 * wait on it. Clicking calls back with the event's name; the view model decides set or clear.
 *
 * <p>While playing, events flip many times a second. Only the toggles in view (see
 * {@link #setVisibleRange}) are restyled at once; the others keep their state ({@link
 * EventToggle#isSet()} is always current) and show it when they come into view.
 *
 * <p>A toggle well out of view is not in the scene at all: an empty slot of its width stands in
 * its place (see {@link #attachNearView}). JavaFX walks every node of the scene on every frame
 * to bring bounds up to date, and fifty toggles of eight nodes each were more than half the
 * window's nodes: a tenth of the FX thread's time while playing.
 */
public final class EventsBar extends HBox {
    private final I18n i18n;
    private final List<EventToggle> toggles = new ArrayList<>();
    private final Consumer<String> onClick;
    /** The library whose rules the run follows: it decides what a click on a set toggle does. */
    private dev.eventlanes.model.Semantics semantics = dev.eventlanes.model.Semantics.ASYNCIO;
    private TraceIndex timeline;
    private double visibleFrom = Double.NEGATIVE_INFINITY;
    private double visibleTo = Double.POSITIVE_INFINITY;
    private boolean refreshQueued;
    /** Detail texts by (waiting << 1 | set), made once per language. */
    private final java.util.Map<Integer, String> details = new java.util.HashMap<>();
    /**
     * A toggle that is never shown and takes no place: it measures a toggle's height, which the
     * bar keeps while it has no toggle (a program makes its first Event a step or two in), so the
     * lanes below do not jump down when the first toggle appears.
     */
    private final EventToggle probe;
    /** How many toggles the bar shows (events made so far). */
    private final javafx.beans.property.ReadOnlyIntegerWrapper shownCount = new javafx.beans.property.ReadOnlyIntegerWrapper();

    /** A toggle for one event; its switch ({@code .track}) is {@code :set} when the event is set. */
    public final class EventToggle extends Button {
        final String eventName;
        final Label name = new Label();
        /**
         * A plain text, not a label: it changes many times a second while playing, and a label's
         * skin rebuilds its children on every change of text (the toggle never cuts it short, so
         * nothing of a label is missed).
         */
        final Text detail = new Text();
        boolean set;
        int waiting;
        /** What the toggle shows, which may lag behind while it is out of view. */
        private boolean shownSet;
        private int shownWaiting = -1;
        private String tipSet;
        private String tipUnset;
        /**
         * The widest this toggle has been in this language and font: it never gets narrower, so
         * a count that changes its text's width does not shift every toggle right of it (which
         * the class would read as jitter, and the renderer repaints as a whole row).
         */
        private double widest;
        /** The widest and the height of the count's text when {@link #widest} was last worked out. */
        private double widestDetail;
        private double detailHeight = -1;
        /** Set while only the count's text changes (see {@link #requestLayout}). */
        private boolean textOnly;
        /**
         * The switch: green, its knob at the right, when the event is set. Only the switch takes
         * {@code :set}, not the whole toggle: a pseudo-class restyles the node it is on and every
         * node under it, and while playing toggles flip many times a second. On the toggle it
         * restyled ten nodes and repainted the whole card per flip (measured with FrameBench at
         * 8x, leaving the flips out took a sixth of the FX thread's and of the render thread's
         * time per frame); here it restyles two and repaints the switch.
         */
        final StackPane track = new StackPane() {
            private double w = -1;
            private double h = -1;

            /**
             * The knob moving to the other side asks for a layout of the switch alone: its size is
             * fixed by the style sheet. Anything that changes that size (a zoom) is passed up.
             */
            @Override
            public void requestLayout() {
                if (getMinWidth() == w && getMaxWidth() == w && getMinHeight() == h && getMaxHeight() == h) {
                    setNeedsLayout(true);
                    return;
                }
                w = getMinWidth() == getMaxWidth() ? getMinWidth() : -1;
                h = getMinHeight() == getMaxHeight() ? getMinHeight() : -1;
                super.requestLayout();
            }
        };
        /** Stands in the row for this toggle while it is out of the scene (see {@link #attachNearView}). */
        private final Region slot = new Region();

        /** What holds this toggle's place in the row now: the toggle itself, or its slot. */
        private Node inRow() {
            return getParent() == EventsBar.this ? this : slot;
        }

        EventToggle(String eventName) {
            this.eventName = eventName;
            getStyleClass().add(Styles.EVENT_TOGGLE);
            setId("toggle-" + eventName);
            Region knob = new Region();
            knob.getStyleClass().add("knob");
            track.getChildren().add(knob);
            track.getStyleClass().add("track");
            name.getStyleClass().add("toggle-name");
            detail.getStyleClass().add("toggle-detail");
            VBox texts = new VBox(name, detail);
            setGraphic(new javafx.scene.layout.HBox(12, track, texts));
            ((javafx.scene.layout.HBox) getGraphic()).setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            name.setText(eventName);
            setOnAction(e -> onClick.accept(eventName));
            // Zooming (the root's font size) or another language starts the widths afresh.
            detail.fontProperty().addListener((o, a, b) -> forgetWidths());
            setTooltip(new Tooltip());
        }

        void show(boolean isSet, int nWaiting, boolean force) {
            set = isSet;
            waiting = nWaiting;
            if (force) {
                tipSet = null;
                tipUnset = null;
                apply();
            } else if ((isSet != shownSet || nWaiting != shownWaiting) && inView(this)) {
                apply();
            }
        }

        @Override
        protected double computePrefWidth(double height) {
            widest = Math.max(widest, super.computePrefWidth(height));
            widestDetail = Math.max(widestDetail, detail.getLayoutBounds().getWidth());
            return widest;
        }

        private void forgetWidths() {
            widest = 0;
            widestDetail = 0;
        }

        /**
         * A new count's text never makes the toggle taller, nor wider unless it is wider than any
         * it had: then only the toggle is laid out again. Asked along, the bar would work out its
         * sizes from all its toggles, several times a frame while playing.
         */
        @Override
        public void requestLayout() {
            javafx.geometry.Bounds b = textOnly ? detail.getLayoutBounds() : null;
            if (b != null && b.getWidth() <= widestDetail && b.getHeight() == detailHeight) {
                setNeedsLayout(true);
                return;
            }
            if (b != null) {
                detailHeight = b.getHeight();
            }
            super.requestLayout();
        }

        @Override
        protected double computeMinWidth(double height) {
            return computePrefWidth(height);
        }

        private boolean stale() {
            return set != shownSet || waiting != shownWaiting;
        }

        private void apply() {
            shownSet = set;
            shownWaiting = waiting;
            track.pseudoClassStateChanged(Styles.SET, set);
            String d = details.computeIfAbsent(waiting << 1 | (set ? 1 : 0), k -> i18n.get((k & 1) != 0 ? "toggle.set"
                    : "toggle.unset") + " \u00b7 " + i18n.get("toggle.waiting", k >> 1));
            textOnly = true;
            try {
                detail.setText(d);
            } finally {
                textOnly = false;
            }
            if (tipSet == null) {
                // What a click on a set toggle really does: under anyio and trio, nothing (their
                // events have no clear()); the tooltip offered clear() and the click was refused.
                tipSet = semantics.eventsHaveClear() ? i18n.get("toggle.tipSet", eventName)
                        : i18n.get("toggle.tipSetNoClear", eventName, semantics.library());
                tipUnset = i18n.get("toggle.tip", eventName);
            }
            String tip = set ? tipSet : tipUnset;
            getTooltip().setText(tip);
            setAccessibleText(eventName + ", " + d + ". " + tip);
        }

        public boolean isSet() {
            return set;
        }

        public int waiting() {
            return waiting;
        }

        /** A short shake: the click was refused. */
        void shake() {
            TranslateTransition t = new TranslateTransition(Animations.duration(60), this);
            t.setFromX(0);
            t.setByX(12);
            t.setCycleCount(6);
            t.setAutoReverse(true);
            t.setOnFinished(e -> setTranslateX(0));
            t.play();
        }
    }

    public EventsBar(I18n i18n, Consumer<String> onClick) {
        this.i18n = i18n;
        this.onClick = onClick;
        getStyleClass().add("events-bar");
        setSpacing(12);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        probe = new EventToggle("event");
        probe.setId(null);
        probe.setManaged(false);
        probe.setVisible(false);
        probe.setFocusTraversable(false);
        getChildren().add(probe);
        probe.show(false, 0, true);
        i18n.localeProperty().addListener((o, a, b) -> {
            details.clear();
            probe.show(false, 0, true);
            attachAll();
            for (EventToggle t : toggles) {
                t.forgetWidths();
                t.show(t.set, t.waiting, true);
            }
        });
    }

    /** The library whose rules the run follows now; the toggles' tooltips say what a click does under it. */
    public void setSemantics(dev.eventlanes.model.Semantics s) {
        if (s == null || s == semantics) {
            return;
        }
        semantics = s;
        for (EventToggle t : toggles) {
            t.show(t.set, t.waiting, true);
        }
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.max(super.computeMinHeight(width), withProbe());
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(super.computePrefHeight(width), withProbe());
    }

    private double withProbe() {
        return snappedTopInset() + probe.prefHeight(-1) + snappedBottomInset();
    }

    /**
     * The part of the bar that is in view, in its own coordinates (the scroll pane around it says).
     * Toggles outside it are brought up to date when they come into it.
     */
    public void setVisibleRange(double from, double to) {
        visibleFrom = from;
        visibleTo = to;
        attachNearView();
        refreshInView();
    }

    /** How far either side of the part in view toggles stay in the scene, ready to scroll in. */
    private static final double NEAR = 300;

    /**
     * Puts into the scene the toggles in or near the part in view, and takes the others out of it,
     * each swapped with its slot, which has the toggle's width: nothing in the row moves. A toggle
     * that was never laid out (new, or measured afresh in another language), or that has the
     * keyboard's focus, stays in.
     */
    private void attachNearView() {
        for (int i = 0; i < toggles.size(); i++) {
            EventToggle t = toggles.get(i);
            Node inRow = t.inRow();
            double x = inRow.getLayoutX();
            double w = inRow == t ? t.getWidth() : t.slot.getPrefWidth();
            boolean near = w <= 0 || t.isFocused() || (x + w >= visibleFrom - NEAR && x <= visibleTo + NEAR);
            if (near && t.getParent() != this) {
                swap(i, t.slot, t);
            } else if (!near && t.getParent() == this) {
                t.slot.setMinWidth(w);
                t.slot.setPrefWidth(w);
                t.slot.setMaxWidth(w);
                swap(i, t, t.slot);
            }
        }
    }

    private void swap(int i, Node out, Node in) {
        in.setVisible(out.isVisible());
        in.setManaged(out.isManaged());
        in.relocate(out.getLayoutX(), out.getLayoutY());
        // The probe is the bar's first child; toggle i (or its slot) is child i + 1.
        getChildren().set(i + 1, in);
    }

    /** Every toggle into the scene, to be measured afresh (another language). */
    private void attachAll() {
        for (int i = 0; i < toggles.size(); i++) {
            EventToggle t = toggles.get(i);
            if (t.getParent() != this) {
                swap(i, t.slot, t);
            }
        }
    }

    /** Whether a toggle is in the part of the bar that is in view (it is kept up to date). */
    boolean inView(EventToggle t) {
        if (t.getParent() != this) {
            return false;
        }
        javafx.geometry.Bounds b = t.getBoundsInParent();
        return b.getMaxX() >= visibleFrom && b.getMinX() <= visibleTo;
    }

    private void refreshInView() {
        refreshQueued = false;
        for (EventToggle t : toggles) {
            if (t.stale() && inView(t)) {
                t.apply();
            }
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // A toggle can move into view as others change width: bring it up to date after this pulse
        // (changing it now, in the middle of the layout, would not lay it out again).
        if (!refreshQueued) {
            for (EventToggle t : toggles) {
                if (t.stale() && inView(t)) {
                    refreshQueued = true;
                    javafx.application.Platform.runLater(this::refreshInView);
                    break;
                }
            }
        }
    }

    /** Shows the events as they were after k entries. */
    public void show(TraceIndex tl, int k) {
        if (tl != timeline) {
            timeline = tl;
            toggles.clear();
            getChildren().setAll(probe);
        }
        int shown = 0;
        for (TraceIndex.EventTrack e : tl.events()) {
            if (e == null || e.createdIndex() >= k) {
                continue;
            }
            EventToggle t;
            if (shown < toggles.size()) {
                t = toggles.get(shown);
            } else {
                t = new EventToggle(e.name());
                toggles.add(t);
                getChildren().add(t);
                t.show(e.isSetAt(k), e.waitingAt(k), true);
            }
            Node inRow = t.inRow();
            inRow.setVisible(true);
            inRow.setManaged(true);
            t.show(e.isSetAt(k), e.waitingAt(k), false);
            shown++;
        }
        shownCount.set(shown);
        for (int i = shown; i < toggles.size(); i++) {
            EventToggle t = toggles.get(i);
            Node inRow = t.inRow();
            inRow.setVisible(false);
            inRow.setManaged(false);
        }
        attachNearView();
    }

    public void shake(String eventName) {
        for (EventToggle t : toggles) {
            if (t.eventName.equals(eventName) && t.isVisible()) {
                t.shake();
            }
        }
    }

    /** How many toggles the bar shows: the events made so far. */
    public javafx.beans.property.ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public List<EventToggle> toggles() {
        return toggles;
    }
}
