// The benchmark's readable table: what was measured, its value, and the target where one applies.

type Row = [label: string, key: string, target?: (r: Record<string, unknown>) => string];

const ROWS: Row[] = [
  ["contacts generated", "contacts"],
  ["live contacts / accounts", "live_contacts"],
  ["share on several accounts", "share_on_several_accounts"],
  ["database", "database"],
  ["transport", "transport"],
  ["records fetched (R)", "records"],
  ["People written", "people"],
  ["rounds of full sync, fetch only and write only", "repeats"],
  ["full sync, median of the rounds (s)", "full_sync_s"],
  ["  first round (s)", "full_sync_first_s"],
  ["  of which CPU in this process, first round (s)", "full_sync_cpu_s"],
  ["no-op sync (s)", "noop_sync_s"],
  ["no-op writes", "noop_writes", () => "0"],
  ["preview (s)", "preview_s"],
  ["fetch only, median (s)", "fetch_only_s"],
  ["write only, median (s)", "write_only_s"],
  ["ratio full / (fetch + write), of the medians", "ratio", () => "<= 1.5 at 100k"],
  ["  ratio of each round", "ratio_per_round"],
  ["API calls, full sync", "api_calls", (r) => `<= ${String(r.api_calls_rest_target)} (REST)`],
  ["peak RSS during full sync (MB)", "peak_rss_mb", () => "< +150 from 10k to 100k"],
  ["  heap the plan holds, after collection (MB)", "plan_heap_mb"],
  ["  garbage collected at this growth (SYNC_HEAP_GROWING_PERCENT)", "heap_growing_percent"],
  [
    "incremental run, 1% changed (s)",
    "incremental_1pct_s",
    (r) => `<= ${(Number(r.full_sync_s) * 0.05).toFixed(2)} (5% of full)`,
  ],
  ["Bulk full sync (s)", "bulk_full_sync_s"],
  ["Bulk API calls", "bulk_api_calls", () => "<= 15 at 100k"],
  ["runs per minute, 1 worker (100 ms latency)", "runs_per_min_1w"],
  [
    "runs per minute, 3 workers",
    "runs_per_min_3w",
    (r) => `>= ${(Number(r.runs_per_min_1w) * 2).toFixed(1)}`,
  ],
  ["machine load average (1 min)", "load_average"],
];

export function formatBenchTable(result: Record<string, unknown>): string {
  const value = (key: string) =>
    key === "live_contacts"
      ? `${String(result.live_contacts)} / ${String(result.accounts)}`
      : Array.isArray(result[key])
        ? (result[key] as unknown[]).join(", ")
        : String(result[key]);
  const lines = ROWS.map(([label, key, target]) => [
    label,
    value(key),
    target ? `target ${target(result)}` : "",
  ]);
  const widths = [0, 1].map((i) => Math.max(...lines.map((line) => line[i]!.length)));
  const text = lines.map(([label, v, target]) =>
    `${label!.padEnd(widths[0]!)}  ${v!.padStart(widths[1]!)}  ${target}`.trimEnd(),
  );
  return `${text.join("\n")}\n`;
}
