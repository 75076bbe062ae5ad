package dev.eventlanes.ui.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Where the lanes view starts as the playhead moves on: still while the run fits, then a page at a time. */
class ViewStartTest {
    @Test
    void whileTheRunFitsTheViewStartsAtZero() {
        assertThat(LanesView.viewStart(0, 10)).isZero();
        assertThat(LanesView.viewStart(9, 10)).isZero();
        assertThat(LanesView.viewStart(10 / LanesView.AHEAD, 10)).isZero();
    }

    @Test
    void nearTheRightEdgeTheViewTurnsOnePage() {
        double lead = 10 / LanesView.AHEAD;
        assertThat(LanesView.viewStart(lead + 0.01, 10)).isEqualTo(10 * LanesView.PAGE);
        // The playhead is then back near the left, with what just happened still in sight.
        double at = lead + 0.01 - LanesView.viewStart(lead + 0.01, 10);
        assertThat(at).isBetween(0.2 * 10, 0.25 * 10);
    }

    @Test
    void betweenTurnsThePictureStandsStill() {
        double start = LanesView.viewStart(20, 10);
        int turns = 0;
        double last = start;
        for (double u = 20; u < 40; u += 0.05) {
            double s = LanesView.viewStart(u, 10);
            if (s != last) {
                turns++;
                assertThat(s - last).isCloseTo(10 * LanesView.PAGE, org.assertj.core.data.Offset.offset(1e-9));
                last = s;
            }
        }
        // 20 units of playing in a 10-unit view: a turn every 7 units, not a move every frame.
        assertThat(turns).isBetween(2, 3);
    }

    @Property
    void thePlayheadIsAlwaysInSightAndNeverInTheLastEighth(@ForAll @DoubleRange(min = 0, max = 1e6) double unit,
            @ForAll @DoubleRange(min = 0.5, max = 1000) double width) {
        double start = LanesView.viewStart(unit, width);
        double at = (unit - start) / width;
        assertThat(start).isGreaterThanOrEqualTo(0);
        assertThat(at).isBetween(0.0, 1 / LanesView.AHEAD + 1e-9);
        if (start > 0) {
            assertThat(at).isGreaterThanOrEqualTo(1 / LanesView.AHEAD - LanesView.PAGE - 1e-9);
        }
    }

    @Property
    void aLaterMomentNeverShowsAnEarlierPage(@ForAll @DoubleRange(min = 0, max = 1e5) double unit,
            @ForAll @DoubleRange(min = 0, max = 100) double later, @ForAll @DoubleRange(min = 0.5, max = 1000) double width) {
        assertThat(LanesView.viewStart(unit + later, width)).isGreaterThanOrEqualTo(LanesView.viewStart(unit, width));
    }
}
