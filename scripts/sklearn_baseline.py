#!/usr/bin/python3
"""The well-known baseline, for comparison with hotline's dispatch model on the same split.

scikit-learn's TfidfVectorizer on character 1-3-grams with LinearSVC (both with default settings), on the
same message body hotline reads: `text`, else `subject` + `detail`, else `tokens`.

    python3 sklearn_baseline.py split  DATA.csv OUTDIR K      # writes OUTDIR/fold{i}-train.csv / -test.csv
    python3 sklearn_baseline.py fold   TRAIN.csv TEST.csv     # prints macro_f1=, accuracy=, messages_per_second=
"""
import csv
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

FIELDS = ["id", "label", "subject", "detail", "text", "tokens", "time"]


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f)]


def body(r):
    text = r.get("text") or ""
    if text.strip():
        return text
    sd = (r.get("subject") or "") + (r.get("detail") or "")
    return sd if sd.strip() else (r.get("tokens") or "")


def usable(r):
    return (r.get("label") or "").strip() and body(r).strip()


def split(data, outdir, k):
    all_rows = [r for r in rows(data) if usable(r)]
    labels = [r["label"].strip() for r in all_rows]
    folds = StratifiedKFold(n_splits=int(k), shuffle=True, random_state=20261129)
    for i, (train, test) in enumerate(folds.split(all_rows, labels)):
        for name, idx in (("train", train), ("test", test)):
            with open(f"{outdir}/fold{i}-{name}.csv", "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=FIELDS, extrasaction="ignore")
                w.writeheader()
                for j in idx:
                    w.writerow(all_rows[j])


def fold(train_path, test_path):
    train = [r for r in rows(train_path) if usable(r)]
    test = [r for r in rows(test_path) if usable(r)]
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3))
    x = vectorizer.fit_transform([body(r) for r in train])
    model = LinearSVC()
    model.fit(x, [r["label"].strip() for r in train])
    truth = [r["label"].strip() for r in test]
    predicted = model.predict(vectorizer.transform([body(r) for r in test]))
    # Single-message throughput: one message at a time, as a dispatcher sees them arrive.
    texts = [body(r) for r in test]
    for t in texts[:50]:
        model.predict(vectorizer.transform([t]))
    start = time.perf_counter()
    for t in texts:
        model.predict(vectorizer.transform([t]))
    seconds = time.perf_counter() - start
    print(f"accuracy={accuracy_score(truth, predicted):.4f}")
    print(f"macro_f1={f1_score(truth, predicted, average='macro'):.4f}")
    print(f"messages_per_second={len(texts) / seconds:.0f}")


if __name__ == "__main__":
    if sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        fold(sys.argv[2], sys.argv[3])
