import { scrollyTests } from './scrolly.shared';

scrollyTests('de');
