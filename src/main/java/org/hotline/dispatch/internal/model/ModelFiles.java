package org.hotline.dispatch.internal.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A trained model as bytes, for the {@code dispatch_model} table: gzip over a {@link DataOutputStream} with a
 * magic word and a format version first, so that a reader refuses what it cannot read instead of guessing.
 * The feature settings travel as JSON, so that a setting added later does not change the binary layout; a
 * model written before the setting existed reads it as Jackson's default for a missing record component.
 *
 * <p>Layout (format 1): magic {@code HLTM}, int format, int+bytes settings JSON, double temperature,
 * int label count and the labels (UTF), int vocabulary size, the n-gram hashes by feature id (long[]), their
 * idf (float[]), int weight count, the weights (float[], feature-major as in the model), the biases
 * (float[], one per label).
 *
 * <p>Format 2 (since the model that ships with the project): the same up to the weight count, then one byte
 * saying how the weights follow: 0 as floats, 1 quantised, each feature's weights as a power-of-two exponent
 * (byte) and one signed byte per label (the trainer rounds them so, which keeps a model of 40 labels a few
 * megabytes and reads back exactly); then the biases, and a byte saying whether a {@link
 * LinearTextModel.Familiarity} follows (four doubles). Only n-gram hashes, idf and weights are stored: no text.
 */
public final class ModelFiles {

    /** Raise when the layout changes; {@link #read} names both versions when it meets one it does not know. */
    public static final int FORMAT = 2;

    private static final int MAGIC = 0x484C544D; // "HLTM"
    private static final int CHUNK = 1 << 14;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ModelFiles() {
    }

    public static byte[] write(LinearTextModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            byte[] settings = settingsJson(model.settings()).getBytes(StandardCharsets.UTF_8);
            out.writeInt(settings.length);
            out.write(settings);
            out.writeDouble(model.temperature());
            String[] labels = model.labels();
            out.writeInt(labels.length);
            for (String label : labels) {
                out.writeUTF(label);
            }
            Vocabulary vocabulary = model.vocabulary();
            long[] hashes = vocabulary.hashesById();
            out.writeInt(hashes.length);
            writeLongs(out, hashes);
            writeFloats(out, vocabulary.idfs());
            float[] weights = model.weights();
            out.writeInt(weights.length);
            int k = labels.length;
            byte[] exponents = exponents(weights, k);
            out.writeByte(exponents == null ? 0 : 1);
            if (exponents == null) {
                writeFloats(out, weights);
            } else {
                out.write(exponents);
                byte[] q = new byte[weights.length];
                for (int i = 0; i < weights.length; i++) {
                    q[i] = (byte) Math.round(Math.scalb(weights[i], -exponents[i / k]));
                }
                out.write(q);
            }
            writeFloats(out, model.bias());
            LinearTextModel.Familiarity f = model.familiarity();
            out.writeBoolean(f != null);
            if (f != null) {
                out.writeDouble(f.probabilityLogit());
                out.writeDouble(f.topScore());
                out.writeDouble(f.coverage());
                out.writeDouble(f.intercept());
            }
        } catch (IOException e) {
            // writing to memory: only a bug gets here
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a model file of a format this code reads */
    public static LinearTextModel read(byte[] data) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a hotline model file");
            }
            int format = in.readInt();
            if (format != 1 && format != FORMAT) {
                throw new IllegalArgumentException("model file format " + format + ", this version reads " + FORMAT);
            }
            byte[] settingsJson = new byte[in.readInt()];
            in.readFully(settingsJson);
            FeatureSettings settings = JSON.readValue(settingsJson, FeatureSettings.class);
            double temperature = in.readDouble();
            String[] labels = new String[in.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUTF();
            }
            int features = in.readInt();
            long[] hashes = readLongs(in, features);
            float[] idf = readFloats(in, features);
            int weightCount = in.readInt();
            float[] weights;
            if (format == 1 || in.readByte() == 0) {
                weights = readFloats(in, weightCount);
            } else {
                if (features < 0 || (long) features * labels.length != weightCount) {
                    throw new IllegalArgumentException("model file is inconsistent: " + weightCount + " weights for "
                            + features + " features and " + labels.length + " labels");
                }
                byte[] exponents = new byte[features];
                in.readFully(exponents);
                byte[] q = new byte[checkedCount(weightCount)];
                in.readFully(q);
                weights = new float[weightCount];
                int k = labels.length;
                for (int i = 0; i < weightCount; i++) {
                    weights[i] = Math.scalb((float) q[i], exponents[i / k]);
                }
            }
            float[] bias = readFloats(in, labels.length);
            LinearTextModel.Familiarity familiarity = null;
            if (format >= 2 && in.readBoolean()) {
                familiarity = new LinearTextModel.Familiarity(in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble());
            }
            if (weights.length != features * labels.length) {
                throw new IllegalArgumentException("model file is inconsistent: " + weights.length + " weights for "
                        + features + " features and " + labels.length + " labels");
            }
            return new LinearTextModel(settings, Vocabulary.of(hashes, idf), labels, weights, bias, temperature,
                    familiarity);
        } catch (IOException e) {
            throw new IllegalArgumentException("model file is damaged: " + e.getMessage(), e);
        }
    }

    /** The settings as stored with the model, also shown to admins next to each version. */
    public static String settingsJson(FeatureSettings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code base} with the fields named in {@code json} replaced, e.g. {@code {"c":1.0,"headChars":20}}: for
     * trying settings in an evaluation.
     *
     * @throws IllegalArgumentException when the JSON is malformed or names a field settings do not have
     */
    public static FeatureSettings settingsWith(FeatureSettings base, String json) {
        Map<String, Object> changes;
        try {
            changes = JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("not settings JSON: " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JSON.convertValue(base, Map.class);
        for (String name : changes.keySet()) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("no setting named " + name + "; there are " + fields.keySet());
            }
        }
        fields.putAll(changes);
        try {
            return JSON.convertValue(fields, FeatureSettings.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a setting has a value of the wrong kind: " + changes, e);
        }
    }

    /**
     * Rounds each feature's weights ({@code k} of them, feature-major) to a signed byte times a power of two: the
     * smallest power that keeps the largest weight of the feature within ±127. Exact to read back; the model's
     * scores move by well under a percent.
     */
    static void quantize(float[] weights, int k) {
        for (int f = 0; f * k < weights.length; f++) {
            int e = exponent(weights, f, k);
            for (int c = 0; c < k; c++) {
                int q = Math.round(Math.scalb(weights[f * k + c], -e));
                weights[f * k + c] = Math.scalb((float) Math.max(-127, Math.min(127, q)), e);
            }
        }
    }

    private static int exponent(float[] weights, int f, int k) {
        float max = 0;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, Math.abs(weights[f * k + c]));
        }
        if (max == 0) {
            return 0;
        }
        int e = Math.getExponent(max / 127f);
        while (Math.scalb(127f, e) < max) {
            e++;
        }
        return Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, e));
    }

    /** Each feature's exponent when the weights are quantised (every one a byte times it), else null. */
    private static byte[] exponents(float[] weights, int k) {
        if (k == 0 || weights.length == 0) {
            return null;
        }
        byte[] exponents = new byte[weights.length / k];
        for (int f = 0; f < exponents.length; f++) {
            int e = exponent(weights, f, k);
            for (int c = 0; c < k; c++) {
                float w = weights[f * k + c];
                float q = Math.scalb(w, -e);
                if (q != Math.rint(q) || Math.abs(q) > 127 || Math.scalb(q, e) != w) {
                    return null;
                }
            }
            exponents[f] = (byte) e;
        }
        return exponents;
    }

    // Arrays go through a buffer in chunks: one write call per element would cost seconds on a large model.

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * 8);
        for (int start = 0; start < values.length; start += CHUNK) {
            int n = Math.min(CHUNK, values.length - start);
            buffer.clear();
            buffer.asLongBuffer().put(values, start, n);
            out.write(buffer.array(), 0, n * 8);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * 4);
        for (int start = 0; start < values.length; start += CHUNK) {
            int n = Math.min(CHUNK, values.length - start);
            buffer.clear();
            buffer.asFloatBuffer().put(values, start, n);
            out.write(buffer.array(), 0, n * 4);
        }
    }

    private static long[] readLongs(DataInputStream in, int count) throws IOException {
        long[] values = new long[checkedCount(count)];
        byte[] chunk = new byte[CHUNK * 8];
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            in.readFully(chunk, 0, n * 8);
            ByteBuffer.wrap(chunk, 0, n * 8).asLongBuffer().get(values, start, n);
        }
        return values;
    }

    private static float[] readFloats(DataInputStream in, int count) throws IOException {
        float[] values = new float[checkedCount(count)];
        byte[] chunk = new byte[CHUNK * 4];
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            in.readFully(chunk, 0, n * 4);
            ByteBuffer.wrap(chunk, 0, n * 4).asFloatBuffer().get(values, start, n);
        }
        return values;
    }

    private static int checkedCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("model file is damaged: negative length " + count);
        }
        return count;
    }
}
