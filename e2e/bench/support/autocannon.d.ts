// The slice of autocannon 9's programmatic API the benchmarks use. The package ships no types
// and @types/autocannon is not installed; this covers exactly what e2e/bench calls.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      /** Returns the request to send; autocannon restarts the sequence when it returns a falsy value. */
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | undefined;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      headers?: Record<string, string>;
      requests?: Request[];
      warmup?: { connections?: number; duration?: number };
      title?: string;
    }

    interface Stats {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
    }

    interface Result {
      title?: string;
      url: string;
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      mismatches: number;
      "2xx": number;
      statusCodeStats: Record<string, { count: number }>;
      latency: Stats;
      requests: Stats & { sent: number };
      throughput: Stats;
    }

    /** Emits "response" (client, statusCode, bytes, responseTimeMs) for every completed request. */
    interface Instance extends EventEmitter, PromiseLike<Result> {
      /** Ends the run early; the promise still resolves with what was measured. */
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
