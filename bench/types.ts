/** The contract between bench modules and `bench/run.ts`: each result becomes one JSON line. */

export type BenchResult =
  | {
      bench: string;
      value: number;
      unit: string;
      /** Further figures (baseline, ratio, runs, ...), printed as they are. */
      [detail: string]: unknown;
    }
  | { bench: string; skipped: true; reason: string };

export interface BenchModule {
  run(): Promise<BenchResult[]>;
}
