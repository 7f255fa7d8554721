/** png-chunks-extract ships no types: it splits a PNG into its chunks (name and raw data). */
declare module 'png-chunks-extract' {
  export default function extractChunks(data: Uint8Array): { name: string; data: Uint8Array }[];
}
