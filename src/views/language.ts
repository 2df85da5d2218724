import type { SetupLanguage } from '../core/station-setup/station-setup';

/** One text in the station's language: Chinese, English, or both (Chinese first). */
export function inLanguage(text: { readonly zh: string; readonly en: string }, language: SetupLanguage, separator = ' · '): string {
  if (language === 'zh') return text.zh;
  if (language === 'en') return text.en;
  return `${text.zh}${separator}${text.en}`;
}

/** The `lang` attribute for text shown in `language`; undefined for 'both' (mixed: the page's own applies). */
export const langAttribute = (language: SetupLanguage): string | undefined =>
  language === 'both' ? undefined : language === 'zh' ? 'zh-CN' : 'en';
