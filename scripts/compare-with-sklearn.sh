#!/usr/bin/env bash
# Side by side, in one run on the same 5 stratified folds: scikit-learn's TF-IDF (character 1-3-grams) +
# LinearSVC, and hotline's dispatch model. Prints each fold's macro-F1, the means, single-message
# throughput, and the ratios.
#
#   bash scripts/compare-with-sklearn.sh [../shared/data/messages_labelled.csv]
#
# Needs Debian's scikit-learn (apt-get install python3-sklearn) and the built jar (mvn -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/messages_labelled.csv}
PY=/usr/bin/python3
JAR=target/hotline.jar
[ -r "$DATA" ] || { echo "missing data: $DATA"; exit 2; }
$PY -c 'import sklearn' 2>/dev/null || { echo "needs Debian's scikit-learn: apt-get install -y python3-sklearn"; exit 2; }
[ -r "$JAR" ] || mvn -q -DskipTests package
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
K=5
$PY scripts/sklearn_baseline.py split "$DATA" "$WORK" $K
printf '%-6s %12s %12s %14s %14s\n' fold sk_macro_f1 our_macro_f1 sk_msg_per_s our_msg_per_s
sum_sk=0; sum_ours=0; tp_sk=0; tp_ours=0
for i in $(seq 0 $((K - 1))); do
  sk=$($PY scripts/sklearn_baseline.py fold "$WORK/fold$i-train.csv" "$WORK/fold$i-test.csv")
  ours=$(java -jar "$JAR" dispatch-eval --train "$WORK/fold$i-train.csv" --test "$WORK/fold$i-test.csv")
  skf=$(sed -n 's/^macro_f1=//p' <<<"$sk"); skt=$(sed -n 's/^messages_per_second=//p' <<<"$sk")
  of=$(sed -n 's/^macro_f1=//p' <<<"$ours"); ot=$(sed -n 's/^messages_per_second=//p' <<<"$ours")
  printf '%-6s %12s %12s %14s %14s\n' "$i" "$skf" "$of" "$skt" "$ot"
  sum_sk=$(awk -v a="$sum_sk" -v b="$skf" 'BEGIN{print a+b}'); sum_ours=$(awk -v a="$sum_ours" -v b="$of" 'BEGIN{print a+b}')
  tp_sk=$(awk -v a="$tp_sk" -v b="$skt" 'BEGIN{print a+b}'); tp_ours=$(awk -v a="$tp_ours" -v b="$ot" 'BEGIN{print a+b}')
done
awk -v s="$sum_sk" -v o="$sum_ours" -v ts="$tp_sk" -v to="$tp_ours" -v k=$K 'BEGIN{
  printf "sklearn_macro_f1=%.4f\nhotline_macro_f1=%.4f\nmacro_f1_difference=%+.4f\n", s/k, o/k, (o-s)/k;
  printf "sklearn_messages_per_second=%.0f\nhotline_messages_per_second=%.0f\nthroughput_ratio=%.1f\n", ts/k, to/k, to/ts }'
