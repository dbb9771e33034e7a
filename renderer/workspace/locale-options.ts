/** Locales offered in pickers; the contract accepts any valid language tag. */
export const COMMON_LOCALES: readonly { tag: string; label: string }[] = [
  { tag: 'en-US', label: 'English (United States)' },
  { tag: 'en-GB', label: 'English (United Kingdom)' },
  { tag: 'en-CA', label: 'English (Canada)' },
  { tag: 'en-AU', label: 'English (Australia)' },
  { tag: 'en-IE', label: 'English (Ireland)' },
  { tag: 'en-IN', label: 'English (India)' },
  { tag: 'de-DE', label: 'Deutsch (Deutschland)' },
  { tag: 'de-AT', label: 'Deutsch (Österreich)' },
  { tag: 'de-CH', label: 'Deutsch (Schweiz)' },
  { tag: 'fr-FR', label: 'Français (France)' },
  { tag: 'fr-CA', label: 'Français (Canada)' },
  { tag: 'fr-BE', label: 'Français (Belgique)' },
  { tag: 'nl-NL', label: 'Nederlands (Nederland)' },
  { tag: 'nl-BE', label: 'Nederlands (België)' },
  { tag: 'es-ES', label: 'Español (España)' },
  { tag: 'es-MX', label: 'Español (México)' },
  { tag: 'it-IT', label: 'Italiano (Italia)' },
  { tag: 'pt-PT', label: 'Português (Portugal)' },
  { tag: 'pt-BR', label: 'Português (Brasil)' },
  { tag: 'sv-SE', label: 'Svenska (Sverige)' },
  { tag: 'da-DK', label: 'Dansk (Danmark)' },
  { tag: 'nb-NO', label: 'Norsk bokmål (Norge)' },
  { tag: 'fi-FI', label: 'Suomi (Suomi)' },
  { tag: 'pl-PL', label: 'Polski (Polska)' },
  { tag: 'ja-JP', label: '日本語 (日本)' },
  { tag: 'zh-CN', label: '中文 (中国)' },
  { tag: 'ko-KR', label: '한국어 (대한민국)' },
];

export const COMMON_CURRENCIES: readonly { code: string; label: string }[] = [
  { code: 'USD', label: 'US dollar' },
  { code: 'EUR', label: 'Euro' },
  { code: 'GBP', label: 'British pound' },
  { code: 'CHF', label: 'Swiss franc' },
  { code: 'CAD', label: 'Canadian dollar' },
  { code: 'AUD', label: 'Australian dollar' },
  { code: 'SEK', label: 'Swedish krona' },
  { code: 'DKK', label: 'Danish krone' },
  { code: 'NOK', label: 'Norwegian krone' },
  { code: 'PLN', label: 'Polish złoty' },
  { code: 'JPY', label: 'Japanese yen' },
  { code: 'INR', label: 'Indian rupee' },
  { code: 'BRL', label: 'Brazilian real' },
  { code: 'MXN', label: 'Mexican peso' },
  { code: 'SGD', label: 'Singapore dollar' },
];

/** A locale outside the common list (set by an import, say) still shows as the selected option. */
export function localeOptions(current: string): readonly { tag: string; label: string }[] {
  return COMMON_LOCALES.some((l) => l.tag === current) ? COMMON_LOCALES : [{ tag: current, label: current }, ...COMMON_LOCALES];
}

/** The best default for a new workspace: the person's own locale when it is in the list. */
export function defaultLocale(system: string): string {
  return COMMON_LOCALES.find((l) => l.tag === system)?.tag ?? 'en-US';
}
