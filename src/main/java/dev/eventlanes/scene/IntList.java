package dev.eventlanes.scene;

import java.util.Arrays;

/** A growable list of ints, so a million-entry index costs 4 bytes an entry, not a boxed object. */
public final class IntList {
    private int[] a = new int[16];
    private int size;

    public void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
        a[size++] = v;
    }

    public int get(int i) {
        return a[i];
    }

    public int size() {
        return size;
    }

    public int last() {
        return a[size - 1];
    }

    public void set(int i, int v) {
        a[i] = v;
    }

    /** How many values are below {@code key}; the list must be sorted ascending. */
    public int countBelow(int key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
