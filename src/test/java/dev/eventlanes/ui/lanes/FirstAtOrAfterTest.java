package dev.eventlanes.ui.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The galloping search the lane painter picks arrows with finds what a plain scan finds. */
class FirstAtOrAfterTest {
    private static int scan(double[] xs, double x) {
        int i = 0;
        while (i < xs.length && xs[i] < x) {
            i++;
        }
        return i;
    }

    @Property
    void findsWhatAScanFinds(@ForAll @Size(max = 300) List<@DoubleRange(min = 0, max = 50) Double> values,
            @ForAll @DoubleRange(min = -1, max = 51) double x, @ForAll @IntRange(min = 0, max = 300) int start) {
        double[] xs = values.stream().mapToDouble(Double::doubleValue).map(Math::floor).sorted().toArray();
        int expected = scan(xs, x);
        // The caller knows that nothing before from is at x or after it.
        int from = Math.min(start, expected);
        assertThat(LanePainter.firstAtOrAfter(i -> xs[i], xs.length, x, from)).isEqualTo(expected);
    }

    @Test
    void edges() {
        double[] xs = {1, 2, 2, 2, 5};
        assertThat(LanePainter.firstAtOrAfter(i -> xs[i], 0, 3, 0)).isZero();
        assertThat(LanePainter.firstAtOrAfter(i -> xs[i], xs.length, 0, 0)).isZero();
        assertThat(LanePainter.firstAtOrAfter(i -> xs[i], xs.length, 2, 0)).isEqualTo(1);
        assertThat(LanePainter.firstAtOrAfter(i -> xs[i], xs.length, 2, 1)).isEqualTo(1);
        assertThat(LanePainter.firstAtOrAfter(i -> xs[i], xs.length, 3, 1)).isEqualTo(4);
        assertThat(LanePainter.firstAtOrAfter(i -> xs[i], xs.length, 6, 2)).isEqualTo(5);
        assertThat(LanePainter.firstAtOrAfter(i -> xs[i], xs.length, 6, 5)).isEqualTo(5);
    }
}
