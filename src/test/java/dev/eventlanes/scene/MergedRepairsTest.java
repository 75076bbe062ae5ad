package dev.eventlanes.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The repair rectangles of a frame, merged: the same area, fewer and no overlap on a row. */
class MergedRepairsTest {
    private static double[] r(double x0, double x1, double y0, double y1) {
        return new double[] {x0, x1, y0, y1};
    }

    @Test
    void overlappingTagsOnOneRowBecomeOneAndWhatTheBandCoversGoes() {
        List<double[]> m = SceneDiff.merged(List.of(
                r(529, 570, 0, 417),
                r(261, 359, 186, 214), r(333, 431, 186, 214), r(407, 505, 186, 214),
                r(540, 560, 58, 86),
                r(544, 659, 0, 42)));
        assertThat(m).containsExactlyInAnyOrder(r(529, 570, 0, 417), r(261, 505, 186, 214), r(544, 659, 0, 42));
    }

    @Test
    void rectanglesApartOrOnOtherRowsStay() {
        List<double[]> m = SceneDiff.merged(List.of(r(0, 10, 0, 5), r(20, 30, 0, 5), r(5, 25, 1, 6)));
        assertThat(m).hasSize(3);
    }

    /** Every point of the input is in the output, and every point of the output in the input's bounding rows. */
    @Property(tries = 300)
    void coversWhatItWasGivenAndNoMore(@ForAll @Size(max = 8) List<@IntRange(max = 20) Integer> xs,
                                       @ForAll @Size(max = 8) List<@IntRange(max = 3) Integer> rows) {
        List<double[]> in = new ArrayList<>();
        for (int i = 0; i + 1 < xs.size() && i < rows.size(); i += 2) {
            double a = Math.min(xs.get(i), xs.get(i + 1));
            double b = Math.max(xs.get(i), xs.get(i + 1)) + 1;
            in.add(r(a, b, rows.get(i) * 10, rows.get(i) * 10 + 10 + (rows.get(i) == 3 ? 20 : 0)));
        }
        List<double[]> out = SceneDiff.merged(in);
        assertThat(out.size()).isLessThanOrEqualTo(in.size());
        for (double x = 0; x < 22; x += 0.5) {
            for (double y = 0; y < 50; y += 2.5) {
                assertThat(covered(out, x, y)).as("(%s, %s)", x, y).isEqualTo(covered(in, x, y));
            }
        }
    }

    /** Joined across rows: everything given is covered, by fewer pieces, at most about twice the area. */
    @Property(tries = 300)
    void coalescedCoversWhatItWasGivenInFewerPiecesAndLittleMore(@ForAll @Size(max = 8) List<@IntRange(max = 20) Integer> xs,
                                                                 @ForAll @Size(max = 8) List<@IntRange(max = 3) Integer> rows) {
        List<double[]> in = new ArrayList<>();
        for (int i = 0; i + 1 < xs.size() && i < rows.size(); i += 2) {
            double a = Math.min(xs.get(i), xs.get(i + 1));
            double b = Math.max(xs.get(i), xs.get(i + 1)) + 1;
            in.add(r(a, b, rows.get(i) * 10, rows.get(i) * 10 + 10));
        }
        List<double[]> out = SceneDiff.coalesced(in);
        assertThat(out.size()).isLessThanOrEqualTo(SceneDiff.merged(in).size());
        double areaIn = 0;
        for (double[] r : SceneDiff.merged(in)) {
            areaIn += (r[1] - r[0]) * (r[3] - r[2]);
        }
        double areaOut = 0;
        for (double[] r : out) {
            areaOut += (r[1] - r[0]) * (r[3] - r[2]);
        }
        assertThat(areaOut).isLessThanOrEqualTo(2 * areaIn + SceneDiff.JOIN_SLACK * in.size());
        for (double x = 0; x < 22; x += 0.5) {
            for (double y = 0; y < 50; y += 2.5) {
                if (covered(in, x, y)) {
                    assertThat(covered(out, x, y)).as("(%s, %s)", x, y).isTrue();
                }
            }
        }
    }

    @Test
    void stripsOfOneFrameOnEveryRowBecomeOnePiece() {
        List<double[]> out = SceneDiff.coalesced(List.of(r(500, 530, 20, 60), r(500, 531, 92, 132), r(499, 530, 164, 204)));
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).containsExactly(499, 531, 20, 204);
    }

    private static boolean covered(List<double[]> rs, double x, double y) {
        for (double[] r : rs) {
            if (x >= r[0] && x < r[1] && y >= r[2] && y < r[3]) {
                return true;
            }
        }
        return false;
    }
}
