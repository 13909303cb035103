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
 */
public final class ModelFiles {

    /** Raise when the layout changes; {@link #read} names both versions when it meets one it does not know. */
    public static final int FORMAT = 1;

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
            writeFloats(out, weights);
            writeFloats(out, model.bias());
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
            if (format != FORMAT) {
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
            float[] weights = readFloats(in, in.readInt());
            float[] bias = readFloats(in, labels.length);
            if (weights.length != features * labels.length) {
                throw new IllegalArgumentException("model file is inconsistent: " + weights.length + " weights for "
                        + features + " features and " + labels.length + " labels");
            }
            return new LinearTextModel(settings, Vocabulary.of(hashes, idf), labels, weights, bias, temperature);
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
