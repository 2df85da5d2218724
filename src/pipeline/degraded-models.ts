/** Why optional models could not load; null where they did (or were not asked for). */
export interface DegradableModels {
  readonly segmenterError: string | null;
  readonly handDetectorError: string | null;
}

/**
 * What the user should know about models that could not load, the rules carrying on without them; null when
 * every model asked for is there.
 */
export function degradedModelsNotice(analyzer: DegradableModels): string | null {
  const notes = [
    analyzer.segmenterError &&
      `Person segmenter unavailable (${analyzer.segmenterError}): hat, hair colour and bangs read colour alone.`,
    analyzer.handDetectorError &&
      `Hand model unavailable (${analyzer.handDetectorError}): grooming reads the body's hand points alone.`,
  ].filter(Boolean);
  return notes.length > 0 ? `${notes.join(' ')} Run "npm run setup" and reload to restore them.` : null;
}
