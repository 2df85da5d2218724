// Accuracy figures for labelled photos, with `fail` as the positive class.
// An `unknown` answer counts as "not fail" for precision and recall, and is also reported on its own.

/** Reads LABELS.tsv text: file, rule, expected verdict, optional baseline photo. */
export function parseLabels(text) {
  const rows = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [file, rule, expected, baseline] = line.split('\t').map((cell) => cell?.trim() ?? '');
    if (index === 0 && file === 'file' && rule === 'rule') continue; // header
    if (!file || !rule || !['pass', 'fail'].includes(expected)) {
      throw new Error(`LABELS line ${index + 1}: expected "file<TAB>rule<TAB>pass|fail[<TAB>baseline]", got "${line}"`);
    }
    rows.push({ file, rule, expected, baseline: baseline || null });
  }
  return rows;
}

const ratio = (numerator, denominator) => (denominator === 0 ? null : numerator / denominator);

/** @param {{expected: 'pass'|'fail', actual: string}[]} outcomes */
export function scoreRule(outcomes) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let unknown = 0;
  for (const { expected, actual } of outcomes) {
    if (actual === 'unknown') unknown++;
    if (actual === 'fail' && expected === 'fail') truePositives++;
    else if (actual === 'fail') falsePositives++;
    else if (expected === 'fail') falseNegatives++;
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  // The harmonic mean of precision and recall, written so that it is 0 (not undefined) when either is.
  const f1 = ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  return { n: outcomes.length, precision, recall, f1, unknownRate: ratio(unknown, outcomes.length) };
}

/** Scores every rule present in `results` ({rule, expected, actual}[]), sorted by rule id. */
export function scoreByRule(results) {
  const byRule = new Map();
  for (const result of results) {
    if (!byRule.has(result.rule)) byRule.set(result.rule, []);
    byRule.get(result.rule).push(result);
  }
  return Object.fromEntries([...byRule.keys()].sort().map((rule) => [rule, scoreRule(byRule.get(rule))]));
}
