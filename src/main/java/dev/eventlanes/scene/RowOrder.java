package dev.eventlanes.scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Which lane goes in which row: each child right under its parent, depth-first, in spawn order. */
public final class RowOrder {
    private RowOrder() {
    }

    /** The task of each row, for the first {@code m} lanes. */
    public static int[] of(TraceIndex index, int m) {
        m = Math.min(m, index.lanes().size());
        int[] taskOfRow = new int[m];
        int[] rowOfTask = new int[m];
        Arrays.fill(rowOfTask, -1);
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            children.add(new ArrayList<>());
        }
        List<Integer> roots = new ArrayList<>();
        for (int t = 0; t < m; t++) {
            TraceIndex.Lane l = index.lanes().get(t);
            int p = l == null ? -1 : l.parent();
            if (p >= 0 && p < m && p != t) {
                children.get(p).add(t);
            } else {
                roots.add(t);
            }
        }
        int n = 0;
        int[] stack = new int[Math.max(16, m)];
        int top = 0;
        for (int r = roots.size() - 1; r >= 0; r--) {
            stack[top++] = roots.get(r);
        }
        while (top > 0) {
            int t = stack[--top];
            if (rowOfTask[t] >= 0) {
                continue;
            }
            rowOfTask[t] = n;
            taskOfRow[n++] = t;
            List<Integer> cs = children.get(t);
            for (int c = cs.size() - 1; c >= 0; c--) {
                if (top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                }
                stack[top++] = cs.get(c);
            }
        }
        return n == m ? taskOfRow : Arrays.copyOf(taskOfRow, n);
    }
}
