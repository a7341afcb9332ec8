#!/usr/bin/env node
"use strict";
// Node 20 has no compile cache (decision 0001): V8's code cache for the bundle is kept beside it,
// written by the first run that lacks a usable one, so later starts skip parsing and compiling.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

// The bundle has no import() (below); the dashboard's ESM bundle is loaded through this one (decision 0015).
globalThis[Symbol.for("moodfood.importEsm")] = (specifier) => import(specifier);

const file = path.join(__dirname, "..", "dist", "moodfood.cjs");
const cacheFile = `${file}.${process.version}-${process.arch}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {}
// The bundle has no import() (scripts/build.mjs turns them into lazy requires): Node 20 drops the
// dynamic-import callback of a script compiled from cached data.
const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once("exit", () => {
    try {
      const temporary = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, cacheFile); // atomic: concurrent first runs never leave half a cache
    } catch {} // a read-only install just runs uncached
  });
}
const bundle = new Module(file, module);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(path.dirname(file));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, path.dirname(file));
