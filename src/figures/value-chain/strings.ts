import de from './strings.de.json';
import en from './strings.en.json';
import { defineStrings } from '../../i18n/t';

export const strings = defineStrings<keyof typeof de>(de, { en });
