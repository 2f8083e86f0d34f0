'use strict';
/*
 * autocannon's `setupRequest` for bench/load.bench.ts, loaded in autocannon's worker thread.
 * Each request takes the next of the requests the bench signed before the run (the JSON file
 * named by BENCH_PRESIGNED_REQUESTS), so every request carries a signature of its own and
 * signing costs the load generator nothing while it measures.
 */
const { readFileSync } = require('node:fs');

let pool;
let next = 0;

module.exports = function setupRequest(request) {
  pool ??= JSON.parse(readFileSync(process.env.BENCH_PRESIGNED_REQUESTS, 'utf8'));
  // Past the end it wraps round; the bench compares requests sent with the pool and fails then.
  const signed = pool.requests[next++ % pool.requests.length];
  return {
    ...request,
    method: pool.method,
    path: signed.path,
    headers: { ...pool.headers, ...signed.headers },
    body: signed.body,
  };
};
