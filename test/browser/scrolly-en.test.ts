import { scrollyTests } from './scrolly.shared';

scrollyTests('en');
