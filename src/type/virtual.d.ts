/** The site's @font-face rules and font stacks, made by src/type/integration.ts. */
declare module 'virtual:type-faces.css';
