import { a11yTests } from './a11y.shared';

a11yTests(1);
