/**
 * When the piece was first published: one date for every chapter and page, used by
 * the citation files, the Highwire/Dublin Core tags and the structured data. It is the
 * day the chapters were first committed. A chapter's last content change is its
 * frontmatter `updated`.
 */
export const PUBLISHED = '2026-11-25';
