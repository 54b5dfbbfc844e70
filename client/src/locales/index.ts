import { en, type Messages } from './en.ts';

/** The languages the app speaks; add French or Spanish here as a file of the same keys. */
export const LOCALES: Record<string, { name: string; messages: Messages }> = {
  en: { name: 'English', messages: en },
};
export const DEFAULT_LOCALE = 'en';
