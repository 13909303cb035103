package org.hotline.dispatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotline.dispatch.internal.model.*;

public class Experiment {
    public static void main(String[] a) throws Exception {
        List<TrainingExample> all = HistoryCsv.read(Path.of("../shared/data/messages_labelled.csv"));
        FeatureSettings s = new FeatureSettings(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Double.parseDouble(a[2]),
                Double.parseDouble(a[3]), Integer.parseInt(a[4]), Boolean.parseBoolean(a[5]), Double.parseDouble(a[6]), Double.parseDouble(a[7]));
        long t0 = System.nanoTime();
        List<List<TrainingExample>> folds = Folds.stratified(all, 5, 20261129L);
        Evaluation total = new Evaluation(all.stream().map(TrainingExample::label).toList());
        for (int f = 0; f < 5; f++) {
            List<TrainingExample> train = new ArrayList<>();
            for (int g = 0; g < 5; g++) if (g != f) train.addAll(folds.get(g));
            LinearTextModel m = new Trainer(s, 0).train(train);
            var sc = m.newScratch();
            long t1=System.nanoTime(); String[] L=m.labels();
            for (TrainingExample e : folds.get(f)) { double[] x=m.scores(e.subject(), e.body(), sc); int b=0; for(int i=1;i<x.length;i++) if(x[i]>x[b]) b=i; total.add(e.label(), L[b]); }
            System.out.printf("fold %d train+eval %.1fs (eval %.2fs)%n", f, (System.nanoTime()-t0)/1e9, (System.nanoTime()-t1)/1e9);
        }
        System.out.printf("%s acc=%.4f macroF1=%.4f time=%.1fs%n", s, total.accuracy(), total.macroF1(), (System.nanoTime()-t0)/1e9);
    }
}
