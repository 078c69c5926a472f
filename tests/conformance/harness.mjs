// harness.mjs — what the conformance test files share: a real
// `vitrine-hub serve` process on a fresh data folder, the guard that keeps
// every request on loopback, and byte-exact comparison helpers.
//
// Copyright 2026 The Vitrine authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// node --test runs each test file in its own process, so the little state
// kept here (the failure count, the server a failing test reports on) is
// per file.

import "./isolate.mjs";

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { createCipheriv, createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { promisify } from "node:util";

const execFileP = promisify(execFile);

/* ------------------------------------------------------------------------ */
/* The client                                                                */
/* ------------------------------------------------------------------------ */

function readJson(relative) {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8"));
}

/** The version of @huggingface/hub that package.json pins: named there only. */
export const pinnedClientVersion = readJson("./package.json").dependencies["@huggingface/hub"];

/** The version npm installed in node_modules. */
export const installedClientVersion = readJson("./node_modules/@huggingface/hub/package.json").version;

export const MiB = 1024 * 1024;

/* ------------------------------------------------------------------------ */
/* Bytes                                                                     */
/* ------------------------------------------------------------------------ */

/** Deterministic pseudo-random bytes: AES-128-CTR keystream keyed by the seed. */
export function seededBytes(seed, length) {
  const key = createHash("sha256").update(seed).digest().subarray(0, 16);
  const cipher = createCipheriv("aes-128-ctr", key, Buffer.alloc(16));
  const out = Buffer.concat([cipher.update(Buffer.alloc(length)), cipher.final()]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The git blob id of some content: sha1("blob <len>\0" + content). */
export function gitBlobSha1(bytes) {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export function toBuffer(bytes) {
  if (bytes instanceof ArrayBuffer) return Buffer.from(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Exact byte comparison that stays readable for 36 MB buffers. */
export function assertBytes(actual, expected, label) {
  const a = toBuffer(actual);
  const e = toBuffer(expected);
  if (a.equals(e)) return;
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  assert.fail(`${label}: got ${a.length} bytes, expected ${e.length}; first difference at offset ${i}`);
}

export async function blobBytes(blob, label) {
  assert.ok(blob, `${label}: the client returned no blob (the server answered 404 EntryNotFound?)`);
  return new Uint8Array(await blob.arrayBuffer());
}

export async function collect(iterable) {
  const out = [];
  for await (const item of iterable) {
    out.push(item);
  }
  return out;
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                     */
/* ------------------------------------------------------------------------ */

let failures = 0;
let watchedServer = null; // the last server startServer started

export function failureCount() {
  return failures;
}

/**
 * A test whose failure is counted, so that `teardown` can show the server
 * log. Each gets its own time limit, so one hung request fails one test only.
 */
export function hubTest(name, options, fn) {
  if (typeof options === "function") {
    fn = options;
    options = {};
  }
  test(name, { timeout: 60_000, ...options }, async (t) => {
    try {
      await fn(t);
    } catch (err) {
      failures++;
      if (watchedServer?.exited && err instanceof Error) {
        err.message += ` [vitrine-hub exited: code ${watchedServer.exitCode}, signal ${watchedServer.exitSignal}]`;
      }
      throw err;
    }
  });
}

/* ------------------------------------------------------------------------ */
/* Loopback guard                                                            */
/* ------------------------------------------------------------------------ */

/**
 * Replaces the global fetch by one that refuses any request that is not for
 * the loopback server, so that a client call missing `hubUrl` fails instead
 * of reaching huggingface.co. `onResponse(method, url, res)`, when given,
 * sees every answer (tests use it to record what the client sent).
 * Returns the function that puts the real fetch back.
 */
export function installFetchGuard(onResponse) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async function guardedFetch(input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
      throw new Error(`conformance test tried to reach ${url.origin}: a client call is missing hubUrl`);
    }
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const res = await realFetch(input, init);
    if (onResponse) await onResponse(method, url, res);
    return res;
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}

/* ------------------------------------------------------------------------ */
/* vitrine-hub                                                               */
/* ------------------------------------------------------------------------ */

/** Runs `vitrine-hub ARGS...` (VITRINE_HUB_EXE) and returns its stdout. */
export function vitrineHub(...args) {
  const exe = process.env.VITRINE_HUB_EXE;
  return execFileP(exe, args, { timeout: 30_000, maxBuffer: 1 << 20 }).then(({ stdout }) => stdout);
}

export function tokenFrom(stdout, what) {
  const line = stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /^hf_\S+$/.test(l));
  assert.ok(line, `${what} printed no token line starting with hf_; stdout was: ${JSON.stringify(stdout)}`);
  return line;
}

/**
 * Starts `vitrine-hub serve` on 127.0.0.1 and a free port; resolves to
 * `{ server, url }` once it printed its URL. `server` is
 * `{ child, exited, exitCode, exitSignal, stderr, exitPromise }`.
 */
export function startServer(exe, dataDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, ["serve", "--data-dir", dataDir, "--host", "127.0.0.1", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const s = { child, exited: false, exitCode: null, exitSignal: null, stderr: "" };
    watchedServer = s;
    s.exitPromise = new Promise((res) => {
      child.on("exit", (code, signal) => {
        s.exited = true;
        s.exitCode = code;
        s.exitSignal = signal;
        res();
      });
    });
    let stdout = "";
    let settled = false;
    const finish = (err, url) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve({ server: s, url });
    };
    const timer = setTimeout(
      () => finish(new Error(`vitrine-hub printed no URL within 30 s; stderr:\n${s.stderr}`)),
      30_000,
    );
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      if (settled) return; // keep draining the pipe
      stdout += chunk;
      for (const line of stdout.split("\n").slice(0, -1)) {
        const m = line.trim().match(/^(https?:\/\/\S+?)\/?$/);
        if (m) return finish(null, m[1]);
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      s.stderr = (s.stderr + chunk).slice(-64 * 1024);
    });
    child.on("error", (err) => finish(new Error(`cannot start ${exe}: ${err.message}`)));
    child.on("exit", (code, signal) =>
      finish(new Error(`vitrine-hub serve exited (code ${code}, signal ${signal}) before printing its URL; stderr:\n${s.stderr}`)),
    );
  });
}

/** Sends `signal` to the server and waits up to 10 s for it to exit. */
export async function stopServer(server, signal) {
  if (!server || server.exited) return;
  server.child.kill(signal);
  await Promise.race([server.exitPromise, new Promise((r) => setTimeout(r, 10_000))]);
}

/**
 * The common `after`: stops the server (SIGTERM, then SIGKILL), prints its
 * standard error when a test failed, puts the real fetch back and removes
 * the temporary folder unless VITRINE_CONFORMANCE_KEEP is set.
 */
export async function teardown({ server, restoreFetch, tmpDir }) {
  await stopServer(server, "SIGTERM");
  await stopServer(server, "SIGKILL");
  if (failures > 0 && server?.stderr) {
    console.error(`--- vitrine-hub stderr (last 64 KiB) ---\n${server.stderr}`);
  }
  if (restoreFetch) restoreFetch();
  if (tmpDir) {
    if (process.env.VITRINE_CONFORMANCE_KEEP) {
      console.error(`kept ${tmpDir}`);
    } else {
      await rm(tmpDir, { recursive: true, force: true });
    }
  }
}
