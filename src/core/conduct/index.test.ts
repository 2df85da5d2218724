import { describe, expect, it } from 'vitest';
import { CONDUCT_RULE_IDS, CONDUCT_RULES } from './index';

describe('CONDUCT_RULES', () => {
  it('lists every conduct rule once, with titles and sources in Chinese and English', () => {
    expect(CONDUCT_RULES.map((rule) => rule.id)).toEqual(CONDUCT_RULE_IDS);
    for (const rule of CONDUCT_RULES) {
      expect(rule.title.zh && rule.title.en).toBeTruthy();
      expect(rule.source.zh && rule.source.en).toBeTruthy();
      expect(rule.source.refs.length).toBeGreaterThan(0);
      for (const ref of rule.source.refs) expect(rule.source.zh).toContain(ref);
    }
  });
});
