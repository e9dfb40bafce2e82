import { availableParallelism, loadavg } from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { noteRead, takeReadIdentities } from "../io/read-input.js";
import { unitReportSchema } from "../catalog/schema.js";
import type { Catalog, Config, Lang, PeriodKey } from "../model.js";
import type { UnitCheckContext } from "./check-fast.js";
import { checkFile, type FileOutcome } from "./validate.js";
import { validatorsFor } from "./validators.js";

/**
 * A large batch of unit files checked on several threads: this thread and helpers (one for each
 * idle core but this thread's, at most three) take chunks of files in turn from a shared counter,
 * so that a helper still starting costs nothing. The outcomes come back in the files' order, exactly as one
 * thread would give them; a chunk a helper took but never delivered is checked here.
 */

/** What a helper needs to rebuild the check's context: data only, sent to another thread. */
export interface ContextSpec {
  /** The catalogue itself: a catalogue file has no id a helper could load it by. */
  catalog: Catalog;
  catalogModule?: string;
  lang: Lang;
  expected: { year?: number; period?: PeriodKey };
  config?: Pick<Config, "deadlines" | "deadline_day">;
  digestOnly?: boolean;
  lean?: boolean;
}

interface Job {
  files: readonly string[];
  cwd: string;
  spec: ContextSpec;
  /** One Int32: the next chunk to take. */
  counter: SharedArrayBuffer;
}

/** `read`: the identities of the files the helper read, which no output of this run may replace. */
type Delivery = { chunk: number; outcomes: FileOutcome[]; read: string[] } | { done: true };

const CHUNK = 20;
const MAX_HELPERS = 3;

function chunkFiles(job: Job, chunk: number): readonly string[] {
  return job.files.slice(chunk * CHUNK, (chunk + 1) * CHUNK);
}

async function checkChunk(job: Job, chunk: number, ctx: UnitCheckContext): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of chunkFiles(job, chunk)) out.push(await checkFile(file, job.cwd, ctx));
  return out;
}

/**
 * Takes chunks until none is left. With `receive`, this thread gives way after each chunk, so that
 * the helpers' deliveries are taken in as they come rather than all at the end (taking them in
 * costs time too, and meanwhile the helpers take more of the chunks).
 */
async function work(
  job: Job,
  ctx: UnitCheckContext,
  deliver: (chunk: number, outcomes: FileOutcome[]) => void,
  receive = false,
): Promise<void> {
  const counter = new Int32Array(job.counter);
  const chunks = Math.ceil(job.files.length / CHUNK);
  for (let c = Atomics.add(counter, 0, 1); c < chunks; c = Atomics.add(counter, 0, 1)) {
    deliver(c, await checkChunk(job, c, ctx));
    if (receive) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Runs a helper thread; resolves when it has delivered all it took, or has failed. */
function helper(job: Job, deliver: (chunk: number, outcomes: FileOutcome[]) => void): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL(import.meta.url), { workerData: job });
    } catch {
      // No thread to be had: this thread checks the chunks alone.
      resolve();
      return;
    }
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve();
    };
    worker.on("message", (m: Delivery) => {
      if (finished) return;
      if ("done" in m) finish();
      else {
        noteRead(m.read);
        deliver(m.chunk, m.outcomes);
      }
    });
    worker.on("error", finish);
    worker.on("exit", finish);
  });
}

/**
 * One helper per core that is idle now, at most MAX_HELPERS: on a busy machine a helper costs more
 * than it brings, since it warms up its own compiler and its outcomes are copied back, while it
 * gets no core of its own. Idle is judged by the load average, of which this run (or the one just
 * before it) is usually one.
 */
function helperCount(chunks: number): number {
  const cores = availableParallelism();
  const idle = Math.round(cores - Math.max(1, loadavg()[0]!));
  return Math.max(0, Math.min(idle, cores - 1, MAX_HELPERS, chunks - 1));
}

/**
 * The outcomes in the files' order, and how many chunks of files the helper threads checked.
 * `helpers`: how many helper threads, by default as many as there are idle cores to run them.
 */
export async function checkFilesInParallel(
  files: readonly string[],
  cwd: string,
  ctx: UnitCheckContext,
  spec: ContextSpec,
  helpers = helperCount(Math.ceil(files.length / CHUNK)),
): Promise<{ outcomes: FileOutcome[]; byHelpers: number }> {
  const job: Job = { files, cwd, spec, counter: new SharedArrayBuffer(4) };
  const chunks = Math.ceil(files.length / CHUNK);
  const results: (FileOutcome[] | undefined)[] = new Array<FileOutcome[] | undefined>(chunks);
  let byHelpers = 0;
  const running = Array.from({ length: helpers }, () =>
    helper(job, (chunk, outcomes) => {
      results[chunk] = outcomes;
      byHelpers++;
    }),
  );
  await work(job, ctx, (chunk, outcomes) => (results[chunk] = outcomes), helpers > 0);
  await Promise.all(running);
  const outcomes: FileOutcome[] = [];
  for (let c = 0; c < chunks; c++) {
    for (const outcome of results[c] ?? (await checkChunk(job, c, ctx))) {
      outcomes.push(outcome);
      // As one thread would, stop at the first file that cannot be read.
      if ("failed" in outcome) return { outcomes, byHelpers };
    }
  }
  return { outcomes, byHelpers };
}

/** In a helper thread: rebuild the context, take chunks, deliver them. */
async function helperMain(job: Job): Promise<void> {
  const catalog = job.spec.catalog;
  const ctx: UnitCheckContext = {
    lang: job.spec.lang,
    catalog,
    validators: await validatorsFor(catalog, job.spec.catalogModule),
    schema: unitReportSchema(catalog),
    expected: job.spec.expected,
    ...(job.spec.config ? { config: job.spec.config } : {}),
    ...(job.spec.digestOnly ? { digestOnly: true } : {}),
    ...(job.spec.lean ? { lean: true } : {}),
  };
  await work(job, ctx, (chunk, outcomes) =>
    parentPort!.postMessage({ chunk, outcomes, read: takeReadIdentities() } satisfies Delivery),
  );
  parentPort!.postMessage({ done: true } satisfies Delivery);
}

if (!isMainThread && (workerData as Partial<Job> | null)?.counter instanceof SharedArrayBuffer)
  await helperMain(workerData as Job);
