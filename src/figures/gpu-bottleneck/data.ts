import raw from '../../../content/data/gpu-bottleneck.json';
import { fact } from '../../data/facts';

export type VendorKey = 'nvidia' | 'amd' | 'intel';

export interface Vendor {
  key: VendorKey;
  name: string;
  /** The supplier the article calls dominant (drawn with the accent, not bigger). */
  leads: boolean;
  fact: string;
}

export interface GpuBottleneckData {
  quote: { text: string; speaker: string; channel: string; date: string; fact: string };
  /** GPUs per chunk in Altman's call. */
  chunk: number;
  /** Drawing scale: GPUs one grid square stands for. */
  perSquare: number;
  /** Derived: squares in the grid (chunk ÷ perSquare). */
  squares: number;
  /** Jefferies' estimate, USD bn per year, as a range. */
  contract: { low: number; high: number; fact: string };
  vendors: Vendor[];
}

const VENDOR_KEYS: readonly string[] = ['nvidia', 'amd', 'intel'];

/**
 * Reads content/data/gpu-bottleneck.json, checks every fact id and that the quote is
 * word for word the one on the facts sheet, and derives the number of grid squares.
 */
export function loadGpuBottleneck(input: typeof raw = raw): GpuBottleneckData {
  const file = 'content/data/gpu-bottleneck.json';
  for (const entry of [input.quote, input.chunk, input.perSquare, input.contract, input.fewSuppliers, ...input.vendors, ...input.schematic]) {
    fact(entry.fact);
  }
  if (!fact(input.quote.fact).claim.en.includes(input.quote.text)) {
    throw new Error(`${file}: the quote must match the facts sheet (${input.quote.fact}) word for word`);
  }
  const chunk = input.chunk.value;
  const perSquare = input.perSquare.value;
  const squares = chunk / perSquare;
  if (!(perSquare > 0 && Number.isInteger(squares) && squares > 0 && squares <= 400)) {
    throw new Error(`${file}: one square must stand for a whole fraction of the chunk (got ${chunk} ÷ ${perSquare})`);
  }
  const { low, high } = input.contract;
  if (!(low >= 0 && high > low)) {
    throw new Error(`${file}: the contract estimate must be a range with 0 ≤ low < high`);
  }
  for (const v of input.vendors) {
    if (!VENDOR_KEYS.includes(v.key)) throw new Error(`${file}: unknown vendor key "${v.key}"`);
  }
  if (input.vendors.filter((v) => v.leads).length !== 1) {
    throw new Error(`${file}: exactly one vendor leads`);
  }
  return {
    quote: { ...input.quote },
    chunk,
    perSquare,
    squares,
    contract: { low, high, fact: input.contract.fact },
    vendors: input.vendors.map((v) => ({ ...v, key: v.key as VendorKey })),
  };
}

export const data = loadGpuBottleneck();
