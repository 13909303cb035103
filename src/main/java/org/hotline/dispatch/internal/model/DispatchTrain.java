package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hotline.dispatch.DispatchDirectory;
import org.hotline.dispatch.internal.routing.DemoOrganization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code dispatch-train}: trains the unit-level dispatch model from the shared data and writes it as a model
 * file, with a note beside it ({@code .json}: what it was trained from and how). This is how the model that ships
 * with the project is made; the same data and code give the same bytes (fixed folds and solver seeds).
 *
 * <pre>
 *   java -jar target/hotline.jar dispatch-train --out src/main/resources/dispatch/model-v1.bin ../shared/data
 * </pre>
 */
public final class DispatchTrain {

    /** The settings of the shipped model: the tuned ones, with the n-grams capped to keep the file small. */
    public static FeatureSettings settings() {
        FeatureSettings d = FeatureSettings.defaults();
        return new FeatureSettings(d.minN(), d.maxN(), d.subjectWeight(), d.c(), d.minDf(), d.balanced(), d.nbAlpha(),
                d.blend(), d.keep(), d.maxChars(), d.headChars(), d.headWeight(), 80_000);
    }

    private DispatchTrain() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        Path outFile = null;
        Path data = null;
        String overrides = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--out" -> outFile = Path.of(args.get(++i));
                case "--settings" -> overrides = args.get(++i);
                default -> {
                    if (args.get(i).startsWith("--") || data != null) {
                        out.println("unknown argument: " + args.get(i));
                        return usage(out);
                    }
                    data = Path.of(args.get(i));
                }
            }
        }
        if (outFile == null || data == null) {
            return usage(out);
        }
        FeatureSettings settings = overrides == null ? settings() : ModelFiles.settingsWith(settings(), overrides);
        DemoOrganization org = DemoOrganization.DONGCHANGFU;
        DispatchDirectory directory = org.directory();
        UnitLabels labels = new UnitLabels(directory, org.categories());
        RealHistory history = new RealHistory(directory, labels);
        List<TrainingExample> examples = history.training(data, Set.of());
        out.printf(Locale.ROOT, "examples=%d labels=%d%n", examples.size(),
                examples.stream().map(TrainingExample::label).distinct().count());
        out.println("per label " + examples.stream()
                .collect(Collectors.groupingBy(TrainingExample::label, TreeMap::new, Collectors.counting())));
        long t0 = System.nanoTime();
        LinearTextModel model = new Trainer(settings).train(examples);
        double seconds = (System.nanoTime() - t0) / 1e9;
        byte[] bytes = ModelFiles.write(model);
        if (outFile.getParent() != null) {
            Files.createDirectories(outFile.getParent());
        }
        Files.write(outFile, bytes);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("command", "java -jar target/hotline.jar dispatch-train --out " + outFile + " " + data);
        note.put("data", List.of("messages_labelled.csv", "replies.csv (ids not divisible by 5)",
                "dispatch/directory.yaml"));
        note.put("examples", examples.size());
        note.put("labels", model.labels().length);
        note.put("features", model.vocabulary().size());
        note.put("temperature", model.temperature());
        note.put("settings", ModelFiles.settingsJson(settings));
        note.put("bytes", bytes.length);
        Path notePath = Path.of(outFile.toString().replaceFirst("\\.bin$", "") + ".json");
        Files.writeString(notePath, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(note) + "\n");
        out.printf(Locale.ROOT, "trained in %.1f s: %d labels, %d n-grams, temperature %.3f, familiarity %s%n",
                seconds, model.labels().length, model.vocabulary().size(), model.temperature(), model.familiarity());
        out.printf(Locale.ROOT, "wrote %s (%d bytes) and %s%n", outFile, bytes.length, notePath);
        return 0;
    }

    private static int usage(PrintStream out) {
        out.println("usage: dispatch-train --out model.bin [--settings JSON] DATA_DIR   (DATA_DIR: ../shared/data)");
        return 2;
    }
}
