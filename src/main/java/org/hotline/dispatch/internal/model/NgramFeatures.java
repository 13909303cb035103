package org.hotline.dispatch.internal.model;

/**
 * Turns a message into hashed character n-gram counts without creating a string per n-gram: each n-gram of
 * the normalised code points is hashed to 64 bits (the chance that two distinct n-grams of a hotline's
 * vocabulary collide is negligible), and counted in a small open-addressing table reused between calls.
 * The subject, when a history has one, is hashed in its own namespace so its n-grams carry their own weight.
 *
 * <p>Not thread-safe: each thread uses its own instance.
 */
public final class NgramFeatures {

    /** Namespaces keep body, subject and head features apart in the hash space. */
    public static final long BODY = 0x9E3779B97F4A7C15L;
    public static final long SUBJECT = 0xC2B2AE3D27D4EB4FL;
    /** The first characters of a message, read a second time (see {@link FeatureSettings#headChars}). */
    public static final long HEAD = 0x165667B19E3779F9L;

    private final int minN;
    private final int maxN;

    private long[] keys = new long[4096];
    private int[] counts = new int[4096];
    private int[] used = new int[4096];
    private int size;
    /**
     * The part of the arrays in use for the current message: sized to the message when its first n-grams are
     * added, so that a message probes a table that fits in the processor's fastest cache (an average message
     * needs 1,024 slots, where the whole arrays would spread its n-grams over 48 KB).
     */
    private int mask = SMALLEST - 1;
    private static final int SMALLEST = 64;

    public NgramFeatures(int minN, int maxN) {
        this.minN = minN;
        this.maxN = maxN;
    }

    /** Forgets the previous message. */
    public void clear() {
        for (int i = 0; i < size; i++) {
            keys[used[i]] = 0;
            counts[used[i]] = 0;
        }
        size = 0;
        mask = SMALLEST - 1;
    }

    /** Adds the n-grams of {@code cps} in namespace {@code seed}. */
    public void add(int[] cps, long seed) {
        int expected = size + cps.length * (maxN - minN + 1);
        while (expected * 2 > mask + 1 && mask + 1 < keys.length && size == 0) {
            mask = mask * 2 + 1;
        }
        for (int start = 0; start < cps.length; start++) {
            long h = seed;
            for (int n = 1; n <= maxN && start + n <= cps.length; n++) {
                h = mix(h, cps[start + n - 1], n);
                if (n >= minN) {
                    increment(h);
                }
            }
        }
    }

    /** The hash of the n-gram {@code cps[start, start+n)} in namespace {@code seed}, as {@link #add} computes it. */
    public static long hash(int[] cps, int start, int n, long seed) {
        long h = seed;
        for (int i = 0; i < n; i++) {
            h = mix(h, cps[start + i], i + 1);
        }
        return h;
    }

    static long mix(long h, int cp, int position) {
        long x = h ^ (cp * 0xFF51AFD7ED558CCDL) ^ ((long) position << 56);
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 29;
        return x == 0 ? 1 : x;
    }

    /**
     * Counts the n-gram hashes {@code hashes[0, n)}, computed by the caller with {@link #mix}: scoring hashes
     * a message itself and counts only the n-grams the model may know.
     */
    void addHashes(long[] hashes, int n) {
        while ((size + n) * 2 > mask + 1 && mask + 1 < keys.length && size == 0) {
            mask = mask * 2 + 1;
        }
        for (int i = 0; i < n; i++) {
            increment(hashes[i]);
        }
    }

    private void increment(long key) {
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            if (keys[i] == 0) {
                keys[i] = key;
                counts[i] = 1;
                used[size++] = i;
                return;
            }
            if (keys[i] == key) {
                counts[i]++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Doubles the part in use, re-placing the entries; the arrays themselves grow only when full. */
    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        int[] oldUsed = used;
        int oldSize = size;
        int capacity = (mask + 1) * 2;
        if (capacity > oldKeys.length) {
            keys = new long[capacity];
            counts = new int[capacity];
            used = new int[capacity];
        } else {
            keys = new long[oldKeys.length];
            counts = new int[oldKeys.length];
            used = new int[oldKeys.length];
        }
        mask = capacity - 1;
        size = 0;
        for (int u = 0; u < oldSize; u++) {
            int slot = oldUsed[u];
            long key = oldKeys[slot];
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            counts[i] = oldCounts[slot];
            used[size++] = i;
        }
    }

    public int size() {
        return size;
    }

    public long key(int i) {
        return keys[used[i]];
    }

    public int count(int i) {
        return counts[used[i]];
    }
}
