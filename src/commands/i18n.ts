// Picks the reply language from the user's client locale.
import type { Locale } from './types.js';

export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** A string in both languages. */
export type Text = Record<Locale, string>;

export function t(text: Text, locale: Locale): string {
  return text[locale];
}

/** The Korean or the English of a text written inline. */
export const inLocale = (locale: Locale, ko: string, en: string) => (locale === 'ko' ? ko : en);
