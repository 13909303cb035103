package org.hotline.dispatch.internal.model;

import java.util.Arrays;

/**
 * The n-grams a model knows: 64-bit n-gram hash → feature id, with each feature's inverse document
 * frequency. Built once at training time and read-only afterwards, so any number of threads may share it.
 */
public final class Vocabulary {

    private final long[] keys;
    private final int[] ids;
    private final float[] idf;

    Vocabulary(long[] keys, int[] ids, float[] idf) {
        this.keys = keys;
        this.ids = ids;
        this.idf = idf;
    }

    /** Builds the table for the given feature hashes (id = position in the array) and their idf. */
    static Vocabulary of(long[] hashes, float[] idf) {
        int capacity = Integer.highestOneBit(Math.max(16, hashes.length * 2)) * 2;
        long[] keys = new long[capacity];
        int[] ids = new int[capacity];
        Arrays.fill(ids, -1);
        int mask = capacity - 1;
        for (int id = 0; id < hashes.length; id++) {
            long key = hashes[id];
            int i = slot(key, mask);
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            ids[i] = id;
        }
        return new Vocabulary(keys, ids, idf);
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** The feature id of an n-gram hash, or -1 when the model never saw it. */
    public int id(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return ids[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    public float idf(int id) {
        return idf[id];
    }

    public int size() {
        return idf.length;
    }

    long[] hashesById() {
        long[] out = new long[idf.length];
        for (int i = 0; i < keys.length; i++) {
            if (ids[i] >= 0) {
                out[ids[i]] = keys[i];
            }
        }
        return out;
    }

    float[] idfs() {
        return idf;
    }

    long bytes() {
        return keys.length * 8L + ids.length * 4L + idf.length * 4L;
    }
}
