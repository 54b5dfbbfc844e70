import { en, type Messages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

/** The languages the app speaks (the GFMD's three), each named in its own words. */
export const LOCALES: Record<string, { name: string; messages: Messages }> = {
  en: { name: 'English', messages: en },
  fr: { name: 'Français', messages: fr },
  es: { name: 'Español', messages: es },
};
export const DEFAULT_LOCALE = 'en';
