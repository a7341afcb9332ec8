// ../../tmp/simprof/split.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join5 } from "node:path";

// src/config/load-config.ts
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

// src/errors.ts
var UserError = class extends Error {
  code;
  /** Process exit code the CLI uses: 1 runtime failure, 2 usage error (3 for check commands). */
  exitCode;
  constructor(code, message, exitCode = 1) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.exitCode = exitCode;
  }
};
var UsageError = class extends UserError {
  constructor(code, message) {
    super(code, message, 2);
    this.name = "UsageError";
  }
};

// src/config/settings.ts
var number = (min, max = Number.POSITIVE_INFINITY) => (raw) => {
  const value = Number(raw);
  return raw.trim() !== "" && Number.isFinite(value) && value >= min && value <= max ? value : void 0;
};
var integer = (min, max) => (raw) => {
  const value = number(min, max)(raw);
  return value !== void 0 && Number.isInteger(value) ? value : void 0;
};
var text = (raw) => raw;
var flag = (raw) => {
  const v = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off", ""].includes(v)) return false;
  return void 0;
};
var oneOf = (...values) => (raw) => values.includes(raw) ? raw : void 0;
var SETTINGS = {
  dataDir: { key: "dataDir", env: ["MOODFOOD_DATA_DIR"], parse: text, expects: "a directory path", fallback: "./logs" },
  driftThreshold: { key: "driftThreshold", env: ["DRIFT_THRESHOLD", "MOODFOOD_DRIFT_THRESHOLD"], parse: number(1e-4, 10), expects: "a number > 0, e.g. 0.1", fallback: 0.1 },
  driftCheckIntervalMin: { key: "driftCheckIntervalMin", env: ["DRIFT_CHECK_INTERVAL", "MOODFOOD_DRIFT_CHECK_INTERVAL"], parse: number(0.01), expects: "minutes > 0, e.g. 60", fallback: 60 },
  prometheusPort: { key: "prometheusPort", env: ["PROMETHEUS_PORT", "MOODFOOD_PORT"], parse: integer(0, 65535), expects: "a port number 0-65535", fallback: 9189 },
  traceLogFile: { key: "traceLogFile", env: ["TRACE_LOG_FILE", "MOODFOOD_TRACE_LOG_FILE"], parse: text, expects: "a file path", fallback: "" },
  traceCleanupHours: { key: "traceCleanupHours", env: ["TRACE_CLEANUP_HOURS", "MOODFOOD_TRACE_CLEANUP_HOURS"], parse: number(0.01), expects: "hours > 0, e.g. 24", fallback: 24 },
  retentionDays: { key: "retentionDays", env: ["MOODFOOD_RETENTION_DAYS"], parse: number(0), expects: "days >= 0 (0 keeps everything)", fallback: 90 },
  llmProvider: { key: "llmProvider", env: ["MOODFOOD_LLM_PROVIDER"], parse: oneOf("local", "openai"), expects: "local or openai", fallback: "local" },
  llmBaseUrl: { key: "llmBaseUrl", env: ["MOODFOOD_LLM_BASE_URL"], parse: text, expects: "a URL like https://api.openai.com/v1", fallback: "https://api.openai.com/v1" },
  llmApiKey: { key: "llmApiKey", env: ["MOODFOOD_LLM_API_KEY"], parse: text, expects: "an API key", fallback: "", secret: true },
  llmModel: { key: "llmModel", env: ["MOODFOOD_LLM_MODEL"], parse: text, expects: "a model name", fallback: "gpt-4o-mini" },
  llmTimeoutMs: { key: "llmTimeoutMs", env: ["MOODFOOD_LLM_TIMEOUT_MS"], parse: integer(1, 6e5), expects: "milliseconds >= 1, e.g. 3000", fallback: 3e3 },
  mlThreshold: { key: "mlThreshold", env: ["MOODFOOD_ML_THRESHOLD"], parse: number(0, 1), expects: "a number between 0 and 1", fallback: 0.5 },
  redactQueries: { key: "redactQueries", env: ["MOODFOOD_REDACT_QUERIES"], parse: flag, expects: "1 or 0", fallback: false },
  redactKey: { key: "redactKey", env: ["MOODFOOD_REDACT_KEY"], parse: text, expects: "a secret string", fallback: "", secret: true },
  apiToken: { key: "apiToken", env: ["MOODFOOD_API_TOKEN"], parse: text, expects: "a bearer token", fallback: "", secret: true },
  alertWebhook: { key: "alertWebhook", env: ["MOODFOOD_ALERT_WEBHOOK"], parse: text, expects: "a URL", fallback: "" }
};

// src/config/load-config.ts
var CONFIG_FILE = "moodfood.config.json";
function loadConfig({ flags = {}, env = process.env, cwd = process.cwd() } = {}) {
  const file = readConfigFile(cwd);
  const config2 = {};
  for (const [key, setting] of Object.entries(SETTINGS)) {
    config2[key] = resolveSetting(setting, flags[key], env, file[key]);
  }
  const resolved = config2;
  resolved.dataDir = resolve(cwd, resolved.dataDir);
  return resolved;
}
function resolveSetting(setting, flag2, env, fromFile) {
  if (flag2 !== void 0) return flag2;
  for (const name of setting.env) {
    const raw = env[name];
    if (raw === void 0) continue;
    const value = setting.parse(raw);
    if (value === void 0) {
      throw new UsageError("invalid_config", `Environment variable ${name}="${raw}" is invalid: expected ${setting.expects}.`);
    }
    return value;
  }
  if (fromFile !== void 0) {
    const value = setting.parse(String(fromFile));
    if (value === void 0) {
      throw new UsageError("invalid_config", `${CONFIG_FILE}: "${setting.key}" is invalid: expected ${setting.expects}.`);
    }
    return value;
  }
  return setting.fallback;
}
function readConfigFile(cwd) {
  const path = join(cwd, CONFIG_FILE);
  if (!existsSync(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed;
  } catch {
  }
  throw new UsageError("invalid_config", `${path} is not a JSON object; fix or remove it.`);
}

// src/tracing/tracer.ts
import { performance as performance2 } from "node:perf_hooks";

// src/tracing/ids.ts
import { randomBytes } from "node:crypto";
function nonZeroHex(bytes) {
  for (; ; ) {
    const hex = randomBytes(bytes).toString("hex");
    if (!/^0+$/.test(hex)) return hex;
  }
}
var newTraceId = () => nonZeroHex(16);
var newSpanId = () => nonZeroHex(8);

// src/tracing/tracer.ts
function startTrace(options) {
  const record = {
    trace_id: newTraceId(),
    root_span_id: newSpanId(),
    started_at: (options.now ?? Date.now)(),
    ended_at: null,
    duration_ms: null,
    status: "active",
    query: options.query,
    labels: [],
    confidence: null,
    final_decision: null,
    model_version: null,
    request_id: options.requestId ?? newSpanId(),
    user_id: options.userId ?? null,
    session_id: options.sessionId ?? null,
    error: null,
    spans: [],
    recommendations: [],
    agreement: null
  };
  options.sink.started(record);
  return { record, sink: options.sink, t0: performance2.now() };
}
async function traceStage(trace, name, fn, attributes = {}) {
  const start = performance2.now();
  const span = {
    span_id: newSpanId(),
    parent_span_id: trace.record.root_span_id,
    name,
    start_offset_ms: start - trace.t0,
    duration_ms: 0,
    status: "ok",
    attributes: { ...attributes },
    error: null
  };
  trace.record.spans.push(span);
  try {
    return await fn(span);
  } catch (error) {
    span.status = "error";
    span.error = errorText(error);
    if (!("error.type" in span.attributes)) span.attributes["error.type"] = errorType(error);
    throw error;
  } finally {
    span.duration_ms = performance2.now() - start;
  }
}
function endTrace(trace, outcome = {}) {
  const { error, ...fields } = outcome;
  const record = trace.record;
  Object.assign(record, fields);
  record.duration_ms = performance2.now() - trace.t0;
  record.ended_at = record.started_at + record.duration_ms;
  record.status = error === void 0 ? "ok" : "error";
  record.error = error === void 0 ? null : errorText(error);
  record.spans.sort((a, b) => a.start_offset_ms - b.start_offset_ms);
  trace.sink.ended(record);
  return record;
}
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
function errorType(error) {
  const code = error.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "Error";
}

// src/pipeline/taxonomy.ts
import { readFileSync as readFileSync3 } from "node:fs";

// src/config/package-path.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
var root;
function packageRoot() {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const manifest = join2(dir, "package.json");
    if (existsSync2(manifest) && JSON.parse(readFileSync2(manifest, "utf8")).name === "moodfood") {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("moodfood package root not found");
    dir = parent;
  }
}
function packagePath(...segments) {
  return join2(packageRoot(), ...segments);
}

// src/pipeline/taxonomy.ts
var CORE_LABELS = [
  "emotion_sad",
  "emotion_stressed",
  "emotion_anxious",
  "emotion_tired",
  "emotion_happy",
  "emotion_angry",
  "emotion_bored",
  "emotion_lonely",
  "emotion_nostalgic",
  "emotion_excited",
  "health_sick",
  "health_hangover",
  "goal_comfort",
  "goal_energy",
  "goal_light",
  "goal_indulgence",
  "goal_healthy",
  "goal_hydration",
  "goal_calm",
  "goal_quick",
  "sensory_warming",
  "sensory_refreshing",
  "sensory_spicy",
  "sensory_sweet",
  "sensory_savory",
  "sensory_crunchy",
  "sensory_creamy",
  "meal_breakfast",
  "meal_lunch",
  "meal_dinner",
  "meal_snack",
  "meal_dessert",
  "meal_late_night",
  "social_alone",
  "social_couple",
  "social_family",
  "social_group",
  "occasion_celebration",
  "occasion_date",
  "occasion_party",
  "occasion_work",
  "weather_hot",
  "weather_cold",
  "weather_rainy",
  "diet_vegetarian",
  "diet_vegan",
  "diet_gluten_free",
  "diet_dairy_free",
  "diet_nut_free",
  "cuisine_japanese",
  "cuisine_chinese",
  "cuisine_korean",
  "cuisine_thai",
  "cuisine_indian",
  "cuisine_italian",
  "cuisine_mexican",
  "cuisine_american",
  "cuisine_mediterranean",
  "cuisine_middle_eastern",
  "cuisine_french"
];
var MOOD_CATEGORIES = ["emotion", "health"];
var cached;
function loadTaxonomy() {
  cached ??= parseTaxonomy(readFileSync3(packagePath("fixtures", "taxonomy.json"), "utf8"));
  return cached;
}
function parseTaxonomy(json) {
  const doc = JSON.parse(json);
  if (!Array.isArray(doc.labels)) throw new Error("taxonomy: labels must be an array");
  const seen = /* @__PURE__ */ new Set();
  for (const label of doc.labels) {
    if (seen.has(label.name)) throw new Error(`taxonomy: duplicate label ${label.name}`);
    seen.add(label.name);
  }
  const missing = CORE_LABELS.filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`taxonomy: missing core labels ${missing.join(", ")}`);
  return doc;
}
function categoryOf(label) {
  const cut = label.indexOf("_");
  return cut < 0 ? label : label.slice(0, cut);
}
function isMoodLabel(label) {
  return MOOD_CATEGORIES.includes(categoryOf(label));
}

// src/pipeline/decide.ts
var DEFAULT_MERGE_POLICY = {
  llmEvidence: 0.7,
  mlJoinAt: 0.45,
  mlOnlyAt: 0.3,
  maxLabels: 5,
  fallbackLabels: 2,
  fallbackAt: 0.25
};
var round = (x) => Math.round(x * 1e3) / 1e3;
function primaryOf(labels) {
  return labels.find(isMoodLabel) ?? labels[0];
}
function decide(input, policy = DEFAULT_MERGE_POLICY) {
  const negated = new Set(input.parsed.negatedLabels);
  const ml = input.ml.filter((entry) => !negated.has(entry.label));
  const mlScore = new Map(ml.map((entry) => [entry.label, entry.score]));
  const top = ml[0];
  const mlConfident = top !== void 0 && top.score >= input.threshold;
  const llmLabels = (input.llm?.labels ?? []).filter((label) => !negated.has(label));
  const llmUsable = input.llm !== null && llmLabels.length > 0;
  const llmPrimary = primaryOf(llmLabels);
  const mlPrimary = primaryOf(ml.filter((entry) => entry.score >= input.threshold).map((entry) => entry.label));
  const agreement = llmUsable && mlConfident && (mlPrimary !== void 0 && llmLabels.includes(mlPrimary) || llmPrimary !== void 0 && (mlScore.get(llmPrimary) ?? 0) >= input.threshold);
  let decision;
  if (llmUsable) decision = agreement ? "ml_validated" : "llm_fallback";
  else decision = mlConfident ? "ml_only" : "default_fallback";
  const combined = /* @__PURE__ */ new Map();
  const llmRank = new Map(llmLabels.map((label, rank) => [label, rank]));
  for (const label of llmLabels) combined.set(label, 1 - (1 - policy.llmEvidence) * (1 - (mlScore.get(label) ?? 0)));
  const joinAt = decision === "ml_only" ? policy.mlOnlyAt : decision === "default_fallback" ? policy.fallbackAt : policy.mlJoinAt;
  for (const entry of ml) {
    if (entry.score >= joinAt && !combined.has(entry.label)) combined.set(entry.label, entry.score);
  }
  const ranked = [...combined].filter(([label]) => !label.startsWith("diet_")).sort(([a, sa], [b, sb]) => {
    if (decision === "llm_fallback" && llmRank.has(a) !== llmRank.has(b)) return llmRank.has(a) ? -1 : 1;
    return sb - sa || (a < b ? -1 : 1);
  }).map(([label]) => label);
  const limit = decision === "default_fallback" ? policy.fallbackLabels : policy.maxLabels;
  const diets = new Set(input.parsed.diets.map((diet) => `diet_${diet}`));
  for (const [label] of combined) if (label.startsWith("diet_") && (llmRank.has(label) || (mlScore.get(label) ?? 0) >= 0.5)) diets.add(label);
  const labels = [...ranked.slice(0, limit), ...[...diets].filter((label) => !negated.has(label))];
  const llmConfidence = input.llm?.confidence ?? 0;
  const mlTop = top?.score ?? 0;
  const confidence = decision === "ml_validated" ? Math.max(mlTop, llmConfidence) : decision === "llm_fallback" ? llmConfidence : mlTop;
  return { decision, labels, confidence: round(Math.min(1, Math.max(0, confidence))), agreement };
}

// src/pipeline/llm-call.ts
var LlmCallError = class extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
    this.name = "LlmCallError";
  }
  reason;
  get code() {
    return this.reason;
  }
};
async function callProvider(provider, query, timeoutMs) {
  const controller = new AbortController();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LlmCallError("timeout", `LLM call exceeded ${timeoutMs} ms`));
    }, timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([provider.parse(query, controller.signal), timeout]);
  } catch (error) {
    if (error instanceof LlmCallError) throw error;
    throw new LlmCallError("invalid_output", error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

// src/pipeline/constraint-vocabulary.ts
var each = (names, effect) => Object.fromEntries(names.split(", ").map((name) => [name, effect]));
var FOOD_ITEMS = {
  meat: { diets: ["vegetarian"], group: "meat" },
  "animal product": { diets: ["vegan"], group: "meat" },
  fish: { allergens: ["fish"] },
  seafood: { allergens: ["fish", "shellfish"] },
  ...each("shellfish, crustacean, shrimp, prawn, crab, lobster, clam, mussel, oyster, scallop", { allergens: ["shellfish"] }),
  ...each("dairy, lactose, cheese", { diets: ["dairy_free"], group: "dairy" }),
  milk: { allergens: ["milk"], group: "dairy" },
  egg: { allergens: ["egg"], group: "egg" },
  honey: { group: "honey" },
  gluten: { diets: ["gluten_free"] },
  wheat: { allergens: ["wheat"] },
  nut: { allergens: ["peanut", "tree_nut"], freeDiet: "nut_free" },
  ...each("peanut, peanut butter, groundnut", { allergens: ["peanut"] }),
  ...each("tree nut, pine nut, almond, cashew, walnut, pecan, pistachio, hazelnut, macadamia", { allergens: ["tree_nut"] }),
  ...each("soy, soya, soybean, tofu", { allergens: ["soy"] }),
  ...each("sesame, tahini", { allergens: ["sesame"] })
};
var DIET_WORDS = {
  vegan: "vegan",
  vegetarian: "vegetarian",
  meatless: "vegetarian",
  // No pescatarian flag exists; vegetarian is the safe approximation (no meat ever slips through).
  pescatarian: "vegetarian",
  celiac: "gluten_free",
  coeliac: "gluten_free"
};
var ALLERGY_NOUNS = /* @__PURE__ */ new Set(["allergy", "intolerance", "intolerant", "sensitivity"]);
var TYPOS = Object.fromEntries(
  [
    "vegan: vegn vegam vegen veagn vgean vegna vgan veegan vegaan veganism vegans",
    "vegetarian: vegetarians vegetarianism",
    "pescatarian: pescetarian",
    "allergy: allergies allergen allergens",
    "intolerance: intolerances",
    "cheese: cheeses",
    "i'm: im",
    "don't: dont",
    "can't: cant",
    "won't: wont",
    "doesn't: doesnt",
    "isn't: isnt",
    "aren't: arent",
    "shouldn't: shouldnt",
    "didn't: didnt"
  ].flatMap((line) => {
    const [canonical = "", variants = ""] = line.split(": ");
    return variants.split(" ").map((variant) => [variant, canonical]);
  })
);
var FUZZY_TARGETS = "vegetarian pescatarian allergic allergy allergies intolerant intolerance lactose shellfish celiac coeliac gluten peanut sesame seafood crustacean".split(
  " "
);
var KNOWN = /* @__PURE__ */ new Set([
  ...Object.keys(FOOD_ITEMS).flatMap((key) => key.split(" ")),
  ...Object.keys(DIET_WORDS),
  ...ALLERGY_NOUNS,
  ...FUZZY_TARGETS,
  ...["veggie", "plant", "based", "free"]
]);
function canonicalWord(word) {
  const typo = TYPOS[word];
  if (typo) return typo;
  if (KNOWN.has(word)) return word;
  if (word.endsWith("s") && KNOWN.has(word.slice(0, -1))) return word.slice(0, -1);
  if (word.endsWith("es") && KNOWN.has(word.slice(0, -2))) return word.slice(0, -2);
  if (word.length < 6) return word;
  for (const target of FUZZY_TARGETS) {
    if (word[0] !== target[0] && word[1] !== target[1]) continue;
    const limit = word.length >= 9 && target.length >= 9 ? 2 : 1;
    const close = (w) => Math.abs(target.length - w.length) <= limit && editDistance(w, target, limit) <= limit;
    if (close(word) || word.endsWith("s") && close(word.slice(0, -1))) return TYPOS[target] ?? target;
  }
  return word;
}
function editDistance(a, b, limit) {
  let prev2 = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prev2[j - 2] ?? 0) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

// src/pipeline/types.ts
var DIETS = ["vegetarian", "vegan", "gluten_free", "dairy_free", "nut_free"];
var ALLERGENS = [
  "peanut",
  "tree_nut",
  "milk",
  "egg",
  "wheat",
  "soy",
  "fish",
  "shellfish",
  "sesame"
];

// src/pipeline/constraints.ts
var words = (list) => new Set(list.split(" "));
var NEGATORS = words("not no never isn't aren't wasn't weren't don't doesn't didn't ex former formerly used stopped quit");
var CLAUSE_BREAKS = words(". , ; : ! ? ( ) but though although because so and yet");
var EXCLUDERS = words("no nothing without except avoid avoiding avoids zero can't cannot don't won't doesn't shouldn't mustn't never");
var MODALS = words("can do does will should must");
var FILLERS = words(
  "any anything a an the more with containing made kind sort of eat have do handle tolerate digest consume touch stand drink or and nor , & / also even real regular"
);
function extractConstraints(text2) {
  const tokens = tokenize(text2);
  const diets = /* @__PURE__ */ new Set();
  const allergens = /* @__PURE__ */ new Set();
  const groups = /* @__PURE__ */ new Set();
  const apply = (effect, asFree = false) => {
    if (asFree && effect.freeDiet) diets.add(effect.freeDiet);
    else {
      for (const diet of effect.diets ?? []) diets.add(diet);
      for (const allergen of effect.allergens ?? []) allergens.add(allergen);
    }
    if (effect.group) groups.add(effect.group);
  };
  let insideItem = -1;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] ?? "";
    const stated = statedDiet(tokens, i);
    if (stated && !negatedBefore(tokens, i)) diets.add(stated);
    const listStart = exclusionListStart(tokens, i);
    if (listStart !== null) {
      const { effects, end } = readFoodList(tokens, listStart);
      const deniesAllergy = ALLERGY_NOUNS.has(tokens[end] ?? "") && word !== "allergic" && word !== "allergy" && word !== "intolerant";
      const negated = !EXCLUDERS.has(word) && !MODALS.has(word) && negatedBefore(tokens, i);
      if (!deniesAllergy && !negated) for (const effect of effects) apply(effect);
    }
    const item = i >= insideItem ? readItem(tokens, i) : null;
    if (item) {
      insideItem = i + item.length;
      const next = tokens[i + item.length] ?? "";
      if ((next === "free" || ALLERGY_NOUNS.has(next)) && !negatedBefore(tokens, i)) apply(item.effect, next === "free");
    }
  }
  if (groups.has("meat") && groups.has("dairy") && groups.has("egg")) diets.add("vegan");
  if (diets.has("vegan")) {
    diets.delete("vegetarian");
    diets.delete("dairy_free");
  }
  return { diets: DIETS.filter((d) => diets.has(d)), allergens: ALLERGENS.filter((a) => allergens.has(a)) };
}
function tokenize(text2) {
  const words2 = text2.toLowerCase().replace(/[’‘`]/g, "'").match(/[a-z]+(?:'[a-z]+)?|[.,;:!?()&/]/g) ?? [];
  return words2.map(canonicalWord);
}
function statedDiet(tokens, i) {
  const word = tokens[i] ?? "";
  const direct = DIET_WORDS[word];
  if (direct) return direct;
  if (word === "plant" && tokens[i + 1] === "based") return "vegan";
  if (word === "veggie") {
    const before = tokens[i - 1] ?? "";
    const after = tokens[i + 1] ?? "";
    if (["i'm", "am", "are", "we're", "is", "strictly"].includes(before) || ["here", "diet", "only", "friendly", "."].includes(after) || after === "") {
      return "vegetarian";
    }
  }
  return null;
}
function negatedBefore(tokens, i) {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const word = tokens[j] ?? "";
    if (CLAUSE_BREAKS.has(word)) return false;
    if (NEGATORS.has(word)) return true;
  }
  return false;
}
function exclusionListStart(tokens, i) {
  const word = tokens[i] ?? "";
  const next = tokens[i + 1];
  if (EXCLUDERS.has(word)) return i + 1;
  if (MODALS.has(word) && next === "not") return i + 2;
  if ((word === "allergic" || word === "allergy" || word === "intolerant" || word === "sensitive") && next === "to") return i + 2;
  if (word === "free" && next === "of") return i + 2;
  return null;
}
function readFoodList(tokens, start) {
  const effects = [];
  let pos = start;
  while (pos < tokens.length) {
    const item = readItem(tokens, pos);
    if (item) {
      effects.push(item.effect);
      pos += item.length;
    } else if (FILLERS.has(tokens[pos] ?? "")) pos++;
    else break;
  }
  return { effects, end: pos };
}
function readItem(tokens, i) {
  const pair = FOOD_ITEMS[`${tokens[i]} ${tokens[i + 1]}`];
  if (pair) return { effect: pair, length: 2 };
  const single = FOOD_ITEMS[tokens[i] ?? ""];
  return single ? { effect: single, length: 1 } : null;
}

// src/pipeline/providers/local/fuzzy.ts
function boundedEditDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}
var NOT_TYPOS = /* @__PURE__ */ new Set([
  "starting",
  "standing",
  "friendly",
  "stocking",
  "streaming",
  "replaying",
  "slack",
  "sneaking",
  "snapping",
  "stacking",
  "sticking",
  "smacking",
  "storing",
  "startling",
  "stinging",
  "stripping",
  "shopping",
  "sleeping",
  "swapping",
  "stepping",
  "stopping",
  "skipping",
  "snowing",
  "showing",
  "slowing",
  "stowing",
  "reading",
  "please",
  "front",
  "tried",
  "tries",
  "timed",
  "tided",
  "tires",
  "hippy",
  "borne",
  "boned",
  "unset",
  "sheet",
  "quack",
  "quirk",
  "launch",
  "parts",
  "pasty",
  "patty",
  "parry",
  "daily",
  "diary",
  "carry",
  "curly",
  "cured",
  "fewer",
  "along",
  "atone",
  "fiver",
  "river",
  "sweats",
  "hunger",
  "hungary",
  "angle",
  "angles",
  "bowed",
  "coming",
  "crying",
  "drying",
  "trying",
  "frying",
  "prying",
  "snake",
  "snacked",
  "dinners",
  "diners",
  "lunches",
  "partly",
  "parity",
  "parties",
  "comforter",
  "somethings",
  "smother",
  "starring",
  "staring",
  "hurray",
  "harry",
  "relay",
  "relaxes",
  "alike",
  "alive",
  "aloe",
  "alone",
  "spice",
  "space",
  "sweep",
  "swept",
  "sweat",
  "swear",
  "chilli",
  "chill",
  "chills",
  "rains",
  "reins",
  "ruins",
  "runny",
  "humor",
  "human",
  "humid",
  "famine",
  "frees",
  "freezer",
  "summon",
  "simmer",
  "boring",
  "bring",
  "bearing",
  "boxing",
  "board",
  "boards",
  "lovely",
  "lively",
  "bread",
  "dinners",
  "winner",
  "thinner",
  "sweat",
  "sweep",
  "tweet",
  "spice",
  "crunchy",
  "salsa",
  "parts",
  "party",
  "sorry",
  "story",
  "start",
  "stars",
  "stage",
  "state",
  "tight",
  "might",
  "right",
  "night",
  "fight",
  "sight",
  "eight",
  "light",
  "lights",
  "steal",
  "stale",
  "stall",
  "small",
  "smell",
  "spell",
  "spill",
  "still",
  "style",
  "taste",
  "tasty",
  "waste",
  "paste",
  "haste",
  "chase",
  "cheap",
  "cheat",
  "chest",
  "check",
  "cheek",
  "sleep",
  "sleepy",
  "steep",
  "sheep",
  "shelf",
  "shell",
  "spent",
  "scent",
  "sense",
  "tense",
  "terse",
  "these",
  "those",
  "there",
  "their",
  "where",
  "whole",
  "while",
  "white",
  "write",
  "wrote",
  "words",
  "works",
  "world",
  "worse",
  "worst",
  "worth",
  "hours",
  "house",
  "mouse",
  "horse",
  "heart",
  "heard",
  "hears",
  "heavy",
  "happen",
  "hoppy",
  "hippy",
  "happened",
  "lonesome",
  "loved",
  "lover",
  "lower",
  "power",
  "tower",
  "shower",
  "showers",
  "flower",
  "flour",
  "floor",
  "float",
  "treats",
  "trees",
  "three",
  "threw",
  "throw",
  "thrown",
  "cream",
  "dream",
  "dreamy",
  "creamer",
  "steam",
  "stream",
  "strong",
  "string",
  "sting",
  "stink",
  "think",
  "thing",
  "things",
  "thank",
  "thanks",
  "drink",
  "drank",
  "drunk",
  "drunken",
  "trunk",
  "truck",
  "stuck",
  "stick",
  "snick",
  "snake",
  "stack",
  "stake",
  "shake",
  "shaken",
  "brake",
  "break",
  "bleak",
  "black",
  "block",
  "blank",
  "bland",
  "brand",
  "grand",
  "grind",
  "bored",
  "borrowed",
  "angel",
  "anger",
  "angle",
  "hunger",
  "hungry",
  "dinner",
  "diner",
  "manger",
  "mango",
  "mangos",
  "crisp",
  "crash",
  "cross",
  "crust",
  "trust",
  "burst",
  "burnt",
  "bunch",
  "punch",
  "lunch",
  "munch",
  "hunch",
  "brunch",
  "branch",
  "french",
  "trench",
  "fresh",
  "flesh",
  "flash",
  "flask",
  "salad",
  "salads",
  "slice",
  "spicy",
  "spine",
  "shine",
  "shiny",
  "shined",
  "sunny",
  "funny",
  "bunny",
  "runny",
  "sunday",
  "monday",
  "mondays",
  "tuesday",
  "friday",
  "fridays",
  "saturday",
  "summer",
  "simmer",
  "dimmer",
  "glass",
  "grass",
  "gross",
  "grease",
  "greasy",
  "greens",
  "greet",
  "green",
  "great",
  "treat",
  "tread",
  "bright",
  "fright",
  "freight",
  "weight",
  "weigh",
  "height",
  "sleigh",
  "cheers",
  "chairs",
  "cheese",
  "choose",
  "chose",
  "close",
  "cloud",
  "clouds",
  "proud",
  "prove",
  "proof",
  "roast",
  "coast",
  "toast",
  "boast",
  "beast",
  "feast",
  "least",
  "yeast",
  "heated",
  "headed",
  "healed",
  "leave",
  "leaves",
  "movie",
  "moved",
  "mover",
  "moves",
  "hover",
  "cover",
  "clover",
  "lover",
  "loves",
  "later",
  "layer",
  "water",
  "wafer",
  "eater",
  "eaten",
  "beaten",
  "beating",
  "seating",
  "sating",
  "rating",
  "eating",
  "heating",
  "hating",
  "dating",
  "waiting",
  "writing",
  "wiring",
  "hiring",
  "tiring",
  "firing",
  "spring",
  "sprint",
  "print",
  "point",
  "paint",
  "faint",
  "saint",
  "joint",
  "pints",
  "plans",
  "plants",
  "plates",
  "places",
  "planet",
  "plenty",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "quiet",
  "quite",
  "quilt",
  "guilt",
  "built",
  "suits",
  "fruit",
  "fruits",
  "fried",
  "fries",
  "friend",
  "friends",
  "fiend",
  "bride",
  "pride",
  "price",
  "prize",
  "rice",
  "spiced",
  "sliced",
  "spiral",
  "shift",
  "shirt",
  "short",
  "sport",
  "spots",
  "stove",
  "stone",
  "store",
  "storm",
  "storms",
  "stormy",
  "starry",
  "sorry",
  "curry",
  "hurry",
  "worry",
  "furry",
  "blurry",
  "berry",
  "berries",
  "merry",
  "marry",
  "carry",
  "cherry",
  "sherry",
  "tired",
  "timed",
  "tiled",
  "tamed",
  "named",
  "games",
  "gamer",
  "homes",
  "hopes",
  "holes",
  "house",
  "cozy",
  "crazy",
  "lazy",
  "hazy",
  "haze",
  "maze",
  "gaze",
  "craze",
  "brazen",
  "frozen",
  "dozen",
  "boiled",
  "spoiled",
  "soiled",
  "toiled",
  "coiled",
  "boring",
  "coring",
  "poring",
  "roaring",
  "soaring",
  "sadder",
  "ladder",
  "madder",
  "bladder",
  "hatter",
  "matter",
  "better",
  "letter",
  "setter",
  "bitter",
  "sitter",
  "litter",
  "butter",
  "batter",
  "platter",
  "starved",
  "started",
  "stared",
  "stores",
  "scored",
  "scares",
  "scarred",
  "scored",
  "snored",
  "stocked",
  "stoked",
  "smoked",
  "smoker",
  "stoner",
  "stones",
  "steak",
  "speak",
  "sneak",
  "sneaky",
  "snacky",
  "snacks",
  "snake",
  "quick",
  "quack",
  "quirk",
  "quirky",
  "picky",
  "pinky",
  "pricey",
  "prices",
  "spices",
  "slices",
  "juice",
  "juicy",
  "noisy",
  "noise",
  "nosey",
  "lately",
  "latest",
  "lastly",
  "latte",
  "lattes",
  "pasta",
  "pastas",
  "paste",
  "pastry",
  "pantry",
  "gentle",
  "genre",
  "single",
  "singe",
  "tingle",
  "tingly",
  "jingle",
  "mingle",
  "angles",
  "angels",
  "cheesy",
  "cheery",
  "cheeky",
  "creepy",
  "crepey",
  "sleek",
  "sweet",
  "sweets",
  "swept",
  "sweat",
  "sweaty",
  "sweater",
  "seated",
  "heater",
  "eaters",
  "theater",
  "theatre",
  "cheater",
  "sweeter",
  "warmer",
  "warner",
  "warning",
  "warming",
  "morning",
  "mourning",
  "burning",
  "turning",
  "learning",
  "earning",
  "yearning",
  "calming",
  "calling",
  "falling",
  "filling",
  "killing",
  "willing",
  "chilling",
  "chilly",
  "chili",
  "chilli",
  "hilly",
  "silly",
  "billy",
  "frilly",
  "grilly",
  "grill",
  "grilled",
  "drilled",
  "thrilled",
  "chilled",
  "spilled",
  "filled",
  "killed",
  "milled",
  "dilled",
  "bills"
]);
function correctSpelling(word, candidates) {
  if (word.length < 5 || NOT_TYPOS.has(word)) return void 0;
  const max = maxEdits(word);
  let best;
  let bestDistance = max + 1;
  let tied = false;
  for (const candidate of candidates) {
    if (candidate[0] !== word[0]) continue;
    const distance = boundedEditDistance(word, candidate, max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && distance <= max && candidate !== best) {
      tied = true;
    }
  }
  return best !== void 0 && !tied && bestDistance <= max ? best : void 0;
}
function maxEdits(word) {
  return word.length >= 8 ? 2 : 1;
}

// src/pipeline/providers/local/tokenize.ts
var unicodeTokenRe;
var ASCII_TOKEN_RE = /(\d{1,2}(?::\d{2})?\s?(?:am|pm)\b)|(\d{1,2}:\d{2})|(\x00\x00)|([a-zA-Z0-9]+)|([.,;:!?]+)/g;
var ELONGATED_RE = /([a-z])\1{2,}/;
var NON_ASCII = /[^\x00-\x7f]/;
function tokenPattern(text2) {
  if (!NON_ASCII.test(text2)) return ASCII_TOKEN_RE;
  unicodeTokenRe ??= /(\d{1,2}(?::\d{2})?\s?(?:am|pm)\b)|(\d{1,2}:\d{2})|(\p{Extended_Pictographic})|([\p{L}\p{N}]+)|([.,;:!?…]+)/gu;
  return unicodeTokenRe;
}
function cleanText(text2) {
  const ascii = NON_ASCII.test(text2) ? text2.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[\u{1F3FB}-\u{1F3FF}\u200d]/gu, " ") : text2;
  return ascii.replace(/['’‘`´]/g, "").replace(/°\s*[cf]?/gi, " degrees ").replace(/\bw\/o\b/gi, " without ").replace(/\bw\//gi, " with ").replace(/&/g, " and ");
}
function shorten(word, isKnown) {
  const single = word.replace(/([a-z])\1{2,}/g, "$1");
  if (isKnown(single)) return single;
  const double = word.replace(/([a-z])\1{2,}/g, "$1$1");
  return double;
}
function tokenize2(text2, isKnown = () => false) {
  const tokens = [];
  const clean = cleanText(text2);
  for (const m of clean.matchAll(tokenPattern(clean))) {
    const [whole, ampm, clock, emoji, word, punct] = m;
    if (ampm !== void 0 || clock !== void 0) {
      tokens.push({ norm: whole.toLowerCase().replace(/\s/g, ""), kind: "time", caps: false, elongated: false, fuzzy: false });
    } else if (emoji !== void 0) {
      tokens.push({ norm: emoji, kind: "emoji", caps: false, elongated: false, fuzzy: false });
    } else if (word !== void 0) {
      const lower = word.toLowerCase();
      const caps = word.length >= 3 && word === word.toUpperCase() && word !== lower;
      const elongated = ELONGATED_RE.test(lower);
      const kind = /^\d+$/.test(lower) ? "number" : "word";
      tokens.push({ norm: elongated ? shorten(lower, isKnown) : lower, kind, caps, elongated, fuzzy: false });
    } else if (punct !== void 0) {
      tokens.push({ norm: punct, kind: "punct", caps: false, elongated: false, fuzzy: false });
    }
  }
  return tokens;
}
function triggerWords(phrase) {
  if (/^[a-z0-9 ]+$/.test(phrase)) return phrase.split(" ").filter((word) => word !== "");
  return tokenize2(phrase).map((token) => token.norm);
}

// src/pipeline/providers/local/lexicon.ts
var STRONG_WEIGHT = 0.9;
var WEAK_WEIGHT = 0.4;
var ALSO_FACTOR = 0.9;
var PLAIN = /^[a-z0-9 ]+$/;
var OPEN_LINE = /\n~?((?:#|[^\s*]+\*)(?: [^\n]*)?)(?=\n)/g;
function parseElements(phrase) {
  if (PLAIN.test(phrase)) return phrase.split(" ").filter(Boolean).map((text2) => ({ kind: "word", text: text2 }));
  return phrase.split(/\s+/).flatMap((part) => {
    if (part === "...") return [{ kind: "gap" }];
    if (part === "#") return [{ kind: "number" }];
    if (part.endsWith("*") && part.length > 3) return [{ kind: "prefix", text: triggerWords(part.slice(0, -1)).join("") }];
    return triggerWords(part).map((text2) => ({ kind: "word", text: text2 }));
  });
}
function addLabel(pattern, label, weight) {
  const existing = pattern.labels.find((entry) => entry.label === label);
  if (existing) existing.weight = Math.max(existing.weight, weight);
  else pattern.labels.push({ label, weight });
}
function buildPatterns(raws) {
  const bySource = /* @__PURE__ */ new Map();
  for (const raw of raws) {
    let pattern = bySource.get(raw.source);
    if (!pattern) {
      const elements = parseElements(raw.source);
      pattern = { source: raw.source, elements, size: elements.filter((e) => e.kind !== "gap").length, labels: [], negates: [] };
      bySource.set(raw.source, pattern);
    }
    const weight = raw.weak ? WEAK_WEIGHT : STRONG_WEIGHT;
    addLabel(pattern, raw.label, weight);
    for (const extra of raw.also) addLabel(pattern, extra, weight * ALSO_FACTOR);
    for (const ruledOut of raw.not) if (!pattern.negates.includes(ruledOut)) pattern.negates.push(ruledOut);
  }
  return [...bySource.values()];
}
function rawOf(line, label, extra) {
  const weak = line.startsWith("~");
  return { source: weak ? line.slice(1) : line, label, weak, also: extra?.also ?? [], not: extra?.not ?? [] };
}
var Lexicon = class {
  implies = /* @__PURE__ */ new Map();
  whenNegated = /* @__PURE__ */ new Map();
  categories = /* @__PURE__ */ new Map();
  /** Per label: "\n" + its plain triggers one a line + "\n", searched with indexOf. */
  texts = [];
  /** Every trigger's text, for "is this a lexicon word" and spelling candidates. */
  allText;
  /** Triggers with extra effects ({t, also, not}), few enough to keep as objects. */
  rich = [];
  compiled = /* @__PURE__ */ new Map();
  known = /* @__PURE__ */ new Map();
  open;
  spellingTargets = /* @__PURE__ */ new Map();
  constructor(taxonomy) {
    const all = [];
    for (const spec of taxonomy.labels) {
      this.categories.set(spec.name, spec.category);
      const implied = Object.entries(spec.implies ?? {}).map(([label, weight]) => ({ label, weight }));
      if (implied.length > 0) this.implies.set(spec.name, implied);
      const opposite = Object.entries(spec.when_negated ?? {}).map(([label, weight]) => ({ label, weight }));
      if (opposite.length > 0) this.whenNegated.set(spec.name, opposite);
      const plain = [];
      for (const trigger of spec.triggers) {
        if (typeof trigger === "string") plain.push(trigger);
        else this.rich.push(rawOf(trigger.t, spec.name, trigger));
      }
      const text2 = `
${plain.join("\n")}
`;
      this.texts.push({ label: spec.name, text: text2 });
      all.push(text2);
    }
    for (const target of taxonomy.spelling_targets ?? []) {
      const initial = target[0] ?? "";
      this.spellingTargets.set(initial, [...this.spellingTargets.get(initial) ?? [], target]);
    }
    this.allText = `${all.join("")}
${this.rich.map((raw) => raw.source).join("\n")}
`;
  }
  /** Patterns whose first element is this exact word or emoji. */
  startingWith(word) {
    let patterns = this.compiled.get(word);
    if (patterns) return patterns;
    const raws = [];
    for (const { label, text: text2 } of this.texts) {
      for (const lead of [`
${word}`, `
~${word}`]) {
        for (let at = text2.indexOf(lead); at >= 0; at = text2.indexOf(lead, at + 1)) {
          const after = text2[at + lead.length];
          if (after !== " " && after !== "\n") continue;
          raws.push(rawOf(text2.slice(at + 1, text2.indexOf("\n", at + 1)), label));
        }
      }
    }
    for (const raw of this.rich) if (raw.source === word || raw.source.startsWith(`${word} `)) raws.push(raw);
    patterns = buildPatterns(raws);
    this.compiled.set(word, patterns);
    return patterns;
  }
  /** Patterns that start with a prefix ("stress*") or a number ("# minutes"). */
  openPatterns() {
    if (!this.open) {
      const raws = [];
      for (const { label, text: text2 } of this.texts) {
        for (const m of text2.matchAll(OPEN_LINE)) raws.push(rawOf(text2.slice((m.index ?? 0) + 1, text2.indexOf("\n", (m.index ?? 0) + 1)), label));
      }
      for (const raw of this.rich) if (/^(#|\S+\*)( |$)/.test(raw.source)) raws.push(raw);
      this.open = buildPatterns(raws);
    }
    return this.open;
  }
  /** True when some trigger contains this word (lowercase a-z), or a prefix trigger covers it. */
  knows(word) {
    let answer = this.known.get(word);
    if (answer === void 0) {
      answer = /^[a-z0-9]+$/.test(word) && (new RegExp(`[\\n ~]${word}[\\n ]`).test(this.allText) || this.openPatterns().some((p) => p.elements.some((e) => e.kind === "prefix" && word.startsWith(e.text))));
      this.known.set(word, answer);
    }
    return answer;
  }
  /** Spelling targets a typo of `word` could mean: same first letter, length within the edit budget. */
  spellingCandidates(word) {
    const slack = maxEdits(word);
    return (this.spellingTargets.get(word[0] ?? "") ?? []).filter((target) => Math.abs(target.length - word.length) <= slack);
  }
};
function compileLexicon(taxonomy) {
  return new Lexicon(taxonomy);
}
var shared;
function sharedLexicon() {
  shared ??= compileLexicon(loadTaxonomy());
  return shared;
}

// src/pipeline/providers/local/match.ts
var MAX_GAP = 3;
function elementMatches(element, token) {
  switch (element.kind) {
    case "word":
      return token.kind !== "punct" && token.norm === element.text;
    case "prefix":
      return token.kind === "word" && token.norm.startsWith(element.text);
    case "number":
      return token.kind === "number";
    case "gap":
      return false;
  }
}
function matchFrom(elements, e, tokens, i) {
  const element = elements[e];
  if (element === void 0) return i;
  if (element.kind === "gap") {
    for (let skip = 0; skip <= MAX_GAP; skip++) {
      const end = matchFrom(elements, e + 1, tokens, i + skip);
      if (end >= 0) return end;
      const skipped = tokens[i + skip];
      if (skipped === void 0 || skipped.kind === "punct") break;
    }
    return -1;
  }
  const token = tokens[i];
  if (token === void 0 || !elementMatches(element, token)) return -1;
  return matchFrom(elements, e + 1, tokens, i + 1);
}
function lexiconTokens(text2, lexicon) {
  const tokens = tokenize2(text2, (word) => lexicon.knows(word));
  for (const token of tokens) {
    if (token.kind !== "word" || token.norm.length < 5 || !/^[a-z]+$/.test(token.norm) || lexicon.knows(token.norm)) continue;
    if (token.norm.endsWith("in") && lexicon.knows(`${token.norm}g`)) {
      token.norm = `${token.norm}g`;
      continue;
    }
    const corrected = correctSpelling(token.norm, lexicon.spellingCandidates(token.norm));
    if (corrected !== void 0 && corrected !== token.norm) {
      token.norm = corrected;
      token.fuzzy = true;
    }
  }
  return tokens;
}
function findMatches(tokens, lexicon) {
  const candidates = [];
  tokens.forEach((token, i) => {
    const patterns = token.kind === "punct" ? [] : [...lexicon.startingWith(token.norm), ...lexicon.openPatterns()];
    for (const pattern of patterns) {
      const end = matchFrom(pattern.elements, 0, tokens, i);
      if (end < 0) continue;
      const fuzzy = tokens.slice(i, end).some((t) => t.fuzzy);
      candidates.push({ pattern, start: i, end, fuzzy });
    }
  });
  candidates.sort((a, b) => b.pattern.size - a.pattern.size || a.start - b.start || b.end - a.end);
  const taken = new Array(tokens.length).fill(false);
  const kept = [];
  for (const match of candidates) {
    let free = true;
    for (let i = match.start; i < match.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = match.start; i < match.end; i++) taken[i] = true;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// src/pipeline/negation.ts
var PREFIX_CUES = [
  "no",
  "not",
  "nothing",
  "none",
  "never",
  "without",
  "nor",
  "neither",
  "no more",
  "not too",
  "nothing too",
  "not in the mood for",
  "not in the mood",
  "not feeling",
  "not craving",
  "not a fan of",
  "no need for",
  "dont want",
  "do not want",
  "dont feel like",
  "dont need",
  "didnt want",
  "dont like",
  "dont crave",
  "anything but",
  "anything except",
  "everything but",
  "except",
  "except for",
  "other than",
  "skip",
  "skipping",
  "skipped",
  "avoid",
  "avoiding",
  "hold the",
  "cut out",
  "cutting out",
  "cutting back on",
  "lay off",
  "give up",
  "giving up",
  "gave up",
  "pass on",
  "can do without",
  "cant do",
  "cant have",
  "cant handle",
  "cant stand",
  "cant eat",
  "cant stomach",
  "cant take",
  "hate",
  "dislike",
  "instead of",
  "rather than",
  "not into",
  "steer clear of"
].map((cue) => cue.split(" "));
var SUFFIX_CUES = [
  "off the table",
  "no thanks",
  "is a no",
  "not today",
  "not for me",
  "is out",
  "are out",
  "not an option",
  "off limits",
  "can wait",
  "is a no go",
  "please no"
].map((cue) => cue.split(" "));
var SCOPE_BREAKERS = /* @__PURE__ */ new Set([
  "but",
  "just",
  "instead",
  "though",
  "although",
  "because",
  "cause",
  "cuz",
  "since",
  "while",
  "yet",
  "rather",
  "i",
  "im",
  "ive",
  "id",
  "ill",
  "we",
  "weve",
  "he",
  "hes",
  "she",
  "shes",
  "they",
  "theyre",
  "it",
  "its",
  "my",
  "our",
  "want",
  "wanna",
  "need",
  "prefer",
  "so",
  "then",
  "maybe",
  "craving"
]);
var LIST_JOINERS = /* @__PURE__ */ new Set([",", "and", "or", "nor", "&"]);
var MAX_SCOPE = 4;
var TASTE_CUES = /* @__PURE__ */ new Set(["hate", "dislike", "avoid", "avoiding", "skip", "skipping", "skipped", "cant stand", "not a fan of", "dont like", "not into", "steer clear of", "give up", "giving up", "gave up", "cut out", "cutting out", "cutting back on", "lay off"]);
var TASTE_CATEGORIES = /* @__PURE__ */ new Set(["sensory", "meal", "cuisine", "goal", "diet"]);
function cueAt(tokens, i, cues, taken) {
  let best = 0;
  for (const cue of cues) {
    if (cue.length <= best) continue;
    const fits = cue.every((word, k) => tokens[i + k]?.norm === word && !taken[i + k]);
    if (fits) best = cue.length;
  }
  return best;
}
function takenByMatches(tokens, matches) {
  const taken = new Array(tokens.length).fill(false);
  for (const match of matches) for (let i = match.start; i < match.end; i++) taken[i] = true;
  return taken;
}
function negationScopes(tokens, matches) {
  const taken = takenByMatches(tokens, matches);
  const startsMatch = new Set(matches.map((match) => match.start));
  const scopes = [];
  for (let i = 0; i < tokens.length; i++) {
    const length = cueAt(tokens, i, PREFIX_CUES, taken);
    if (length === 0) continue;
    const from = i + length;
    let to = from;
    while (to < tokens.length && to - from < MAX_SCOPE) {
      const token = tokens[to];
      if (token === void 0) break;
      if (LIST_JOINERS.has(token.norm)) {
        if (!startsMatch.has(to + 1)) break;
      } else if (token.kind === "punct" || !taken[to] && SCOPE_BREAKERS.has(token.norm) && to > from) {
        break;
      }
      to++;
    }
    const cue = tokens.slice(i, i + length).map((token) => token.norm).join(" ");
    scopes.push({ cueStart: i, tasteOnly: TASTE_CUES.has(cue), from, to });
    i = from - 1;
  }
  return scopes;
}
function suffixNegated(tokens, matches, taken) {
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    if (cueAt(tokens, i, SUFFIX_CUES, taken) === 0) continue;
    const before = matches.filter((match) => match.end <= i && match.end >= i - 2);
    const nearest = before[before.length - 1];
    if (nearest) out.push(nearest);
  }
  return out;
}
function negatedLabelsFrom(tokens, matches, lexicon) {
  const negated = /* @__PURE__ */ new Set();
  const negatedMatches = /* @__PURE__ */ new Set();
  const rule = (match, directlyAfterCue, tasteOnly) => {
    negatedMatches.add(match);
    for (const { label } of match.pattern.labels) {
      const category = lexicon.categories.get(label) ?? "";
      if (category === "diet" && !directlyAfterCue) continue;
      if (tasteOnly && !TASTE_CATEGORIES.has(category)) continue;
      negated.add(label);
    }
  };
  for (const scope of negationScopes(tokens, matches)) {
    let listed = true;
    for (const match of matches) {
      if (match.start < scope.from || match.start >= scope.to) continue;
      if (!listed) break;
      rule(match, match.start === scope.from, scope.tasteOnly);
      listed = LIST_JOINERS.has(tokens[match.end]?.norm ?? "");
    }
  }
  for (const match of suffixNegated(tokens, matches, takenByMatches(tokens, matches))) rule(match, false, false);
  for (const match of matches) {
    if (negatedMatches.has(match)) continue;
    for (const { label, weight } of match.pattern.labels) if (weight >= 0.5) negated.delete(label);
  }
  for (const match of matches) for (const label of match.pattern.negates) negated.add(label);
  return [...negated];
}
function findNegatedLabels(text2) {
  const lexicon = sharedLexicon();
  const tokens = lexiconTokens(text2, lexicon);
  return negatedLabelsFrom(tokens, findMatches(tokens, lexicon), lexicon);
}

// src/pipeline/sanitize.ts
var ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]|\u001b[@-_]?/g;
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
function stripControlCharacters(text2) {
  return text2.replace(/[\t\n\r\v\f]+/g, " ").replace(ESCAPE_SEQUENCES, "").replace(CONTROL, "").replace(/\s+/g, " ").trim();
}

// src/pipeline/parse.ts
var MAX_QUERY_CHARS = 1e4;
function cleanQueryText(raw) {
  const text2 = stripControlCharacters(raw);
  if (text2 === "") throw new UsageError("empty_query", `The query is empty; say how you feel, e.g. moodfood query "I'm sad and it's freezing".`);
  return text2;
}
function parseQuery(raw, flagDiets = []) {
  const text2 = cleanQueryText(raw);
  if (text2.length > MAX_QUERY_CHARS) {
    throw new UsageError("query_too_long", `The query is ${text2.length} characters; the limit is ${MAX_QUERY_CHARS}. Shorten it.`);
  }
  const constraints = extractConstraints(text2);
  const diets = [.../* @__PURE__ */ new Set([...flagDiets, ...constraints.diets])];
  return { text: text2, truncated: false, diets, allergens: constraints.allergens, negatedLabels: findNegatedLabels(text2) };
}

// src/pipeline/dish-filter.ts
var EXCLUDING_CATEGORIES = /* @__PURE__ */ new Set(["sensory", "meal", "goal", "cuisine"]);
function allowedDishes(catalog, diets, allergens, negated) {
  const allowed = new Uint8Array(catalog.dishes.length).fill(1);
  const excludedCuisines = /* @__PURE__ */ new Set();
  for (const label of negated) {
    const category = categoryOf(label);
    if (!EXCLUDING_CATEGORIES.has(category)) continue;
    if (category === "cuisine") excludedCuisines.add(label.slice("cuisine_".length));
    for (const index of catalog.byTag.get(label) ?? []) allowed[index] = 0;
  }
  if (diets.length === 0 && allergens.length === 0 && excludedCuisines.size === 0) return allowed;
  for (let i = 0; i < catalog.dishes.length; i++) {
    const dish = catalog.dishes[i];
    if (!dish || !allowed[i]) continue;
    if (excludedCuisines.has(dish.cuisine)) allowed[i] = 0;
    for (const diet of diets) if (!dish.diet.includes(diet)) allowed[i] = 0;
    for (const allergen of allergens) if (dish.allergens.includes(allergen)) allowed[i] = 0;
  }
  return allowed;
}
function requiredDiets(diets, labels) {
  return DIETS.filter((diet) => diets.includes(diet) || labels.includes(`diet_${diet}`));
}

// src/pipeline/dish-reason.ts
var QUALITY = {
  sensory_warming: "warm",
  sensory_refreshing: "refreshing",
  sensory_spicy: "spicy",
  sensory_sweet: "sweet",
  sensory_savory: "savory",
  sensory_crunchy: "crunchy",
  sensory_creamy: "creamy",
  goal_comfort: "comforting",
  goal_energy: "energising",
  goal_light: "light",
  goal_indulgence: "indulgent",
  goal_healthy: "wholesome",
  goal_hydration: "hydrating",
  goal_calm: "soothing",
  goal_quick: "quick"
};
var SETTING = {
  meal_breakfast: "breakfast",
  meal_lunch: "lunch",
  meal_dinner: "dinner",
  meal_snack: "a snack",
  meal_dessert: "dessert",
  meal_late_night: "a late-night bite",
  occasion_celebration: "a celebration",
  occasion_date: "a date",
  occasion_party: "a party",
  occasion_work: "a busy work day",
  social_alone: "a quiet meal on your own",
  social_couple: "two",
  social_family: "the whole family",
  social_group: "sharing with a group"
};
var MOMENT = {
  emotion_sad: "when you're feeling down",
  emotion_stressed: "when you're stressed",
  emotion_anxious: "when you're feeling anxious",
  emotion_tired: "when you're worn out",
  emotion_happy: "when you're in a good mood",
  emotion_angry: "when you need to blow off steam",
  emotion_bored: "when you want something different",
  emotion_lonely: "when you're feeling lonely",
  emotion_nostalgic: "when you miss the taste of home",
  emotion_excited: "when you're excited",
  health_sick: "when you're under the weather",
  health_hangover: "when you're nursing a hangover"
};
function matchReason(dish, matched) {
  const labels = matched.map((m) => m.label);
  const asked = matched.filter((m) => !m.implied).map((m) => m.label);
  const qualities = pick(labels, QUALITY, 2);
  const moment = pick(asked, MOMENT, 1)[0];
  const cuisine = asked.includes(`cuisine_${dish.cuisine}`) ? cuisineName(dish.cuisine) : null;
  const forPart = settingPhrase(pick(asked, SETTING, 2), weatherWords(asked));
  if (qualities.length > 0) {
    const what = joinAnd(qualities);
    const lead2 = cuisine ? `${article(cuisine)} ${cuisine} dish that's ${what}` : capitalise(what);
    if (moment) return `${lead2}${forPart}, just right ${moment}.`;
    return forPart ? `${lead2}${forPart}.` : `${lead2}, just as you wanted.`;
  }
  const lead = cuisine ? `${article(cuisine)} ${cuisine} favourite` : "A good pick";
  if (forPart && moment) return `${lead}${forPart}, especially ${moment}.`;
  if (forPart) return `${lead}${forPart}.`;
  if (moment) return `${cuisine ? lead : "A classic"} ${moment}.`;
  return cuisine ? `A well-loved ${cuisine} dish, as you asked.` : popularReason(dish);
}
function popularReason(dish) {
  return `A popular pick: ${dish.description}.`;
}
function pick(labels, phrases, limit) {
  return labels.map((label) => phrases[label]).filter((p) => p !== void 0).slice(0, limit);
}
function weatherWords(labels) {
  return ["weather_cold", "weather_hot", "weather_rainy"].filter((l) => labels.includes(l)).map((l) => l.slice("weather_".length));
}
function settingPhrase(settings, weather) {
  const day = weather.length > 0 ? `a ${weather.join(", ")} day` : "";
  if (settings.length === 0) return day ? ` for ${day}` : "";
  return ` for ${joinAnd(settings)}${day ? ` on ${day}` : ""}`;
}
function joinAnd(parts) {
  return parts.length <= 1 ? parts[0] ?? "" : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
function cuisineName(cuisine) {
  return cuisine.split("_").map(capitalise).join(" ");
}
function article(word) {
  return /^[AEIOU]/.test(word) ? "An" : "A";
}
function capitalise(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}

// src/pipeline/dish-score.ts
var CATEGORY_WEIGHT = {
  cuisine: 3,
  health: 2,
  emotion: 1.5,
  weather: 1.5,
  goal: 1.25,
  sensory: 1.25,
  meal: 1.25,
  occasion: 0.75,
  social: 0.5
};
var IMPLIED = {
  emotion_sad: { goal_comfort: 0.6 },
  emotion_stressed: { goal_comfort: 0.5, goal_calm: 0.5 },
  emotion_anxious: { goal_calm: 0.6, goal_light: 0.3 },
  emotion_tired: { goal_energy: 0.5, goal_quick: 0.5 },
  emotion_lonely: { goal_comfort: 0.5 },
  emotion_nostalgic: { goal_comfort: 0.5 },
  emotion_excited: { occasion_celebration: 0.4 },
  emotion_angry: { sensory_spicy: 0.3, sensory_crunchy: 0.3 },
  health_sick: { sensory_warming: 0.5, goal_light: 0.5, goal_hydration: 0.4 },
  health_hangover: { goal_hydration: 0.5, sensory_savory: 0.4 },
  weather_cold: { sensory_warming: 0.7, goal_comfort: 0.3 },
  weather_rainy: { sensory_warming: 0.5, goal_comfort: 0.4 },
  weather_hot: { sensory_refreshing: 0.7, goal_light: 0.4, goal_hydration: 0.3 },
  occasion_date: { social_couple: 0.6 },
  occasion_party: { social_group: 0.6 },
  meal_dessert: { sensory_sweet: 0.6 }
};
var IMPLIED_SHARE = 0.2;
var RANK_DECAY = 0.05;
var POPULARITY_SHARE = 0.1;
function weighLabels(labels) {
  const weights = /* @__PURE__ */ new Map();
  labels.forEach((label, rank) => {
    const weight = (CATEGORY_WEIGHT[categoryOf(label)] ?? 0) * (1 - RANK_DECAY * Math.min(rank, 6));
    if (weight > 0 && !weights.has(label)) weights.set(label, { label, weight, implied: false });
  });
  for (const source of [...weights.values()]) {
    for (const [label, factor] of Object.entries(IMPLIED[source.label] ?? {})) {
      const weight = source.weight * factor;
      const existing = weights.get(label);
      if (!existing || existing.implied && existing.weight < weight) weights.set(label, { label, weight, implied: true });
    }
  }
  return [...weights.values()];
}
function relevanceScores(catalog, weighted) {
  const asked = new Float64Array(catalog.dishes.length);
  const implied = new Float64Array(catalog.dishes.length);
  let askedTotal = 0;
  let impliedTotal = 0;
  for (const { label, weight, implied: isImplied } of weighted) {
    if (categoryOf(label) === "cuisine") continue;
    const target = isImplied ? implied : asked;
    if (isImplied) impliedTotal += weight;
    else askedTotal += weight;
    const bucket = catalog.byTag.get(label) ?? [];
    for (let i = 0; i < bucket.length; i++) {
      const index = bucket[i];
      target[index] = (target[index] ?? 0) + weight;
    }
  }
  const cuisines = weighted.filter((w) => categoryOf(w.label) === "cuisine");
  if (cuisines.length > 0) {
    const cuisineWeight = Math.max(...cuisines.map((w) => w.weight));
    askedTotal += cuisineWeight;
    const wanted = new Set(cuisines.map((w) => w.label.slice("cuisine_".length)));
    catalog.dishes.forEach((dish, index) => {
      if (wanted.has(dish.cuisine)) asked[index] = (asked[index] ?? 0) + cuisineWeight;
    });
  }
  if (askedTotal === 0) return asked;
  const impliedShare = impliedTotal > 0 ? IMPLIED_SHARE : 0;
  for (let i = 0; i < asked.length; i++) {
    const impliedPart = impliedShare > 0 ? impliedShare * ((implied[i] ?? 0) / impliedTotal) : 0;
    asked[i] = (asked[i] ?? 0) > 0 ? (1 - impliedShare) * ((asked[i] ?? 0) / askedTotal) + impliedPart : 0;
  }
  return asked;
}
function matchedLabels(dish, weighted) {
  return weighted.filter((w) => categoryOf(w.label) === "cuisine" ? w.label === `cuisine_${dish.cuisine}` : dish.tags.includes(w.label)).sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
}
function blendScore(relevance, dish) {
  return (1 - POPULARITY_SHARE) * relevance + POPULARITY_SHARE * dish.popularity;
}

// src/pipeline/diversify.ts
var LAMBDA = 0.8;
var PER_CUISINE = 2;
var TAG_BIT = new Map(CORE_LABELS.map((label, i) => [label, i]));
function diversify(ranked, top, requestedCuisines) {
  const pool = ranked.slice(0, Math.max(top * 4, 20));
  const chosen = [];
  const perCuisine = /* @__PURE__ */ new Map();
  for (const capped of [true, false]) {
    while (chosen.length < top) {
      let best;
      let bestValue = -Infinity;
      for (const candidate of pool) {
        if (chosen.includes(candidate)) continue;
        const cuisine = candidate.dish.cuisine;
        if (capped && !requestedCuisines.has(cuisine) && (perCuisine.get(cuisine) ?? 0) >= PER_CUISINE) continue;
        let similarity = 0;
        for (const picked of chosen) similarity = Math.max(similarity, dishSimilarity(candidate.dish, picked.dish));
        const value = LAMBDA * candidate.score - (1 - LAMBDA) * similarity;
        if (value > bestValue) {
          best = candidate;
          bestValue = value;
        }
      }
      if (!best) break;
      chosen.push(best);
      perCuisine.set(best.dish.cuisine, (perCuisine.get(best.dish.cuisine) ?? 0) + 1);
    }
  }
  return chosen;
}
function dishSimilarity(a, b) {
  const ma = tagMask(a);
  const mb = tagMask(b);
  const union = popcount(ma.low | mb.low) + popcount(ma.high | mb.high);
  const shared2 = popcount(ma.low & mb.low) + popcount(ma.high & mb.high);
  const tags = union === 0 ? 0 : shared2 / union;
  return 0.8 * tags + 0.2 * (a.ingredients[0] === b.ingredients[0] ? 1 : 0);
}
var masks = /* @__PURE__ */ new WeakMap();
function tagMask(dish) {
  const cached4 = masks.get(dish);
  if (cached4) return cached4;
  const mask = { low: 0, high: 0 };
  for (const tag of dish.tags) {
    const bit = TAG_BIT.get(tag);
    if (bit === void 0) continue;
    if (bit < 32) mask.low |= 1 << bit;
    else mask.high |= 1 << bit - 32;
  }
  masks.set(dish, mask);
  return mask;
}
function popcount(value) {
  let v = value - (value >>> 1 & 1431655765);
  v = (v & 858993459) + (v >>> 2 & 858993459);
  return (v + (v >>> 4) & 252645135) * 16843009 >>> 24;
}

// src/pipeline/recommend.ts
var FALLBACK_SCORE_SCALE = 0.5;
var SPICY_PENALTY = 0.3;
function recommend(catalog, request) {
  const top = Math.max(0, Math.floor(request.top));
  if (top === 0) return [];
  const negated = new Set(request.negatedLabels);
  const allowed = allowedDishes(catalog, requiredDiets(request.diets, request.labels), request.allergens, negated);
  const weighted = request.fallback ? [] : weighLabels(request.labels.filter((label) => !negated.has(label)));
  const relevance = relevanceScores(catalog, weighted);
  const poolSize = Math.max(top * 4, 20);
  const requestedCuisines = new Set(weighted.filter((w) => categoryOf(w.label) === "cuisine").map((w) => w.label.slice("cuisine_".length)));
  const matches = bestOf(
    catalog,
    poolSize,
    (dish, i) => allowed[i] && (relevance[i] ?? 0) > 0 ? blendScore(relevance[i] ?? 0, dish) : -1
  );
  const chosen = diversify(matches, top, requestedCuisines).sort(byScoreThenId);
  if (chosen.length < top) {
    const popular = bestOf(catalog, poolSize, (dish, i) => allowed[i] && !(relevance[i] ?? 0) ? defaultScore(dish) : -1);
    chosen.push(...diversify(popular, top - chosen.length, /* @__PURE__ */ new Set()));
  }
  return chosen.map(({ dish, score }) => {
    const matched = matchedLabels(dish, weighted);
    return {
      name: dish.name,
      cuisine: dish.cuisine,
      score: Math.round(score * 1e3) / 1e3,
      reason: matched.length > 0 ? matchReason(dish, matched) : popularReason(dish),
      diet: [...dish.diet]
    };
  });
}
function defaultScore(dish) {
  return FALLBACK_SCORE_SCALE * Math.max(0, dish.popularity - (dish.tags.includes("sensory_spicy") ? SPICY_PENALTY : 0));
}
function bestOf(catalog, size, scoreOf) {
  const best = [];
  for (let i = 0; i < catalog.dishes.length; i++) {
    const dish = catalog.dishes[i];
    const score = scoreOf(dish, i);
    if (score < 0) continue;
    const entry = { dish, score };
    if (best.length === size && byScoreThenId(entry, best[size - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && byScoreThenId(entry, best[at - 1]) < 0) at--;
    best.splice(at, 0, entry);
    if (best.length > size) best.pop();
  }
  return best;
}
function byScoreThenId(a, b) {
  return b.score - a.score || (a.dish.id < b.dish.id ? -1 : a.dish.id > b.dish.id ? 1 : 0);
}

// src/pipeline/validate.ts
function normalise(label) {
  return label.trim().toLowerCase().replace(/[\s\-.:/]+/g, "_").replace(/_+/g, "_").replace(/^_|_$/g, "");
}
function validateLabels(labels, taxonomy = loadTaxonomy()) {
  const known = new Set(taxonomy.labels.map((spec) => spec.name));
  const bySuffix = /* @__PURE__ */ new Map();
  for (const spec of taxonomy.labels) {
    const suffix = spec.name.slice(spec.category.length + 1);
    bySuffix.set(suffix, [...bySuffix.get(suffix) ?? [], spec.name]);
  }
  const out = [];
  const rejected = [];
  for (const raw of labels) {
    if (typeof raw !== "string") {
      rejected.push(String(raw));
      continue;
    }
    const name = normalise(raw);
    const candidates = known.has(name) ? [name] : bySuffix.get(name) ?? [];
    const only = candidates.length === 1 ? candidates[0] : void 0;
    if (only === void 0) rejected.push(raw);
    else if (!out.includes(only)) out.push(only);
  }
  return { labels: out, rejected };
}

// src/pipeline/pipeline.ts
async function runQuery(input, deps) {
  const trace = startTrace({ query: input.text, sink: deps.sink, now: deps.now, userId: input.userId, sessionId: input.sessionId });
  trace.record.model_version = deps.classifier.version;
  try {
    const parsed = await traceStage(trace, "parse", (span) => {
      const result = parseQuery(input.text, input.diets);
      span.attributes["moodfood.query.chars"] = result.text.length;
      return result;
    });
    trace.record.query = parsed.text;
    const [llm, ml] = await Promise.all([llmStage(trace, parsed, deps), mlStage(trace, parsed, deps.classifier)]);
    const decision = await traceStage(trace, "decide", (span) => {
      const result = decide({ llm, ml, parsed, threshold: deps.mlThreshold });
      span.attributes["moodfood.decision"] = result.decision;
      span.attributes["moodfood.agreement"] = result.agreement;
      return result;
    });
    const recommendations = await traceStage(trace, "recommend", (span) => {
      const dishes = recommend(deps.catalog, {
        labels: decision.labels,
        diets: parsed.diets,
        allergens: parsed.allergens,
        negatedLabels: parsed.negatedLabels,
        top: input.top ?? 5,
        fallback: decision.decision === "default_fallback"
      });
      span.attributes["moodfood.recommendations"] = dishes.length;
      return dishes;
    });
    const done = endTrace(trace, {
      labels: decision.labels,
      confidence: decision.confidence,
      final_decision: decision.decision,
      recommendations: recommendations.map((r) => r.name),
      agreement: llm === null ? null : decision.agreement
    });
    return {
      trace_id: done.trace_id,
      query: done.query,
      labels: decision.labels,
      confidence: decision.confidence,
      final_decision: decision.decision,
      model_version: deps.classifier.version,
      duration_ms: done.duration_ms ?? 0,
      recommendations,
      diets: parsed.diets,
      allergens: parsed.allergens,
      notice: parsed.allergens.length > 0 ? `Allergy noted (${parsed.allergens.join(", ")}): always check the ingredients with whoever cooks.` : null
    };
  } catch (error) {
    if (trace.record.status === "active") endTrace(trace, { error });
    throw error;
  }
}
async function llmStage(trace, parsed, deps) {
  const { provider } = deps;
  const attributes = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": provider.name, "gen_ai.request.model": provider.model };
  let raw;
  try {
    raw = await traceStage(
      trace,
      "llm_call",
      async (span) => {
        const result = await callProvider(provider, parsed, deps.llmTimeoutMs);
        span.attributes["gen_ai.usage.input_tokens"] = result.inputTokens;
        span.attributes["gen_ai.usage.output_tokens"] = result.outputTokens;
        span.attributes["moodfood.llm.reason"] = "ok";
        return result;
      },
      attributes
    );
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    const span = trace.record.spans.find((s) => s.name === "llm_call");
    if (span) span.attributes["moodfood.llm.reason"] = error.reason;
    await traceStage(trace, "validate", (span2) => {
      span2.attributes["moodfood.skipped"] = "llm_failed";
    });
    return null;
  }
  return traceStage(trace, "validate", (span) => {
    const { labels, rejected } = validateLabels(raw.labels);
    span.attributes["moodfood.labels.accepted"] = labels.length;
    span.attributes["moodfood.labels.rejected"] = rejected.length;
    return { ...raw, labels };
  });
}
function mlStage(trace, parsed, classifier) {
  return traceStage(trace, "ml_classify", (span) => {
    const scores = classifier.classify(parsed.text);
    const top = scores[0];
    if (top) span.attributes["moodfood.ml.top_score"] = Math.round(top.score * 1e3) / 1e3;
    span.attributes["moodfood.model_version"] = classifier.version;
    return scores;
  });
}

// src/tracing/jsonl-exporter.ts
import { appendFileSync } from "node:fs";

// src/tracing/trace-json.ts
function traceToJson(trace) {
  return {
    trace_id: trace.trace_id,
    started_at: new Date(trace.started_at).toISOString(),
    ended_at: trace.ended_at === null ? null : new Date(trace.ended_at).toISOString(),
    duration_ms: trace.duration_ms === null ? null : Math.round(trace.duration_ms * 1e3) / 1e3,
    status: trace.status,
    query: trace.query,
    labels: trace.labels,
    confidence: trace.confidence,
    final_decision: trace.final_decision,
    model_version: trace.model_version,
    request_id: trace.request_id,
    user_id: trace.user_id,
    session_id: trace.session_id,
    error: trace.error,
    recommendations: trace.recommendations,
    spans: trace.spans
  };
}

// src/tracing/jsonl-exporter.ts
function jsonlExporter(path) {
  return {
    export(traces) {
      appendFileSync(path, traces.map((t) => `${JSON.stringify(traceToJson(t))}
`).join(""));
    },
    flush: async () => {
    }
  };
}

// src/metrics/buckets.ts
var MS_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1e3, 2500, 5e3, 1e4, 3e4];
function bucketIndex(value, bounds = MS_BUCKETS) {
  for (let i = 0; i < bounds.length; i++) if (value <= bounds[i]) return i;
  return bounds.length;
}

// src/metrics/trace-rollups.ts
var NONE = "none";
function rollupsForTrace(trace) {
  const model_version = trace.model_version ?? NONE;
  const decision = trace.final_decision ?? NONE;
  const status = trace.status === "ok" ? "ok" : "error";
  const at = trace.ended_at ?? trace.started_at;
  const counters = [{ name: "moodfood_queries_total", labels: { status, decision, model_version }, value: 1 }];
  const histograms = [];
  const observe = (name, labels, value, exemplar) => histograms.push({ name, labels, value, bucketIndex: bucketIndex(value), bucketCount: MS_BUCKETS.length + 1, exemplarTraceId: exemplar, at });
  const total = trace.duration_ms ?? 0;
  observe("moodfood_query_processing_time_ms", { stage: "total", decision, model_version }, total, trace.trace_id);
  observe("moodfood_trace_duration_ms", { status, model_version }, total, trace.trace_id);
  for (const span of trace.spans) {
    observe("moodfood_query_processing_time_ms", { stage: span.name, decision, model_version }, span.duration_ms, trace.trace_id);
    counters.push({ name: "moodfood_trace_events_total", labels: { stage: span.name, status: span.status, model_version }, value: 1 });
    if (span.name === "llm_call") {
      const model = String(span.attributes["gen_ai.request.model"] ?? "unknown");
      const reason = String(span.attributes["moodfood.llm.reason"] ?? (span.status === "ok" ? "ok" : "invalid_output"));
      counters.push({ name: "moodfood_llm_api_calls_total", labels: { model, status: span.status, reason }, value: 1 });
      observe("moodfood_llm_api_latency_ms", { model, status: span.status }, span.duration_ms);
    }
  }
  return { trace, counters, histograms };
}

// src/tracing/store-sink.ts
function storeSink(store, exporters = []) {
  return {
    started: (trace) => store.startTrace(trace),
    ended: (trace) => {
      store.completeTraces([rollupsForTrace(trace)]);
      for (const exporter of exporters) exporter.export([trace]);
    }
  };
}
function batchedStoreSink(store, batchSize = 500, exporters = []) {
  let pending = [];
  const flush = () => {
    if (pending.length === 0) return;
    store.completeTraces(pending);
    for (const exporter of exporters) exporter.export(pending.map((p) => p.trace));
    pending = [];
  };
  return {
    started: () => {
    },
    ended: (trace) => {
      pending.push(rollupsForTrace(trace));
      if (pending.length >= batchSize) flush();
    },
    flush
  };
}

// src/pipeline/catalog.ts
import { readFileSync as readFileSync4 } from "node:fs";

// src/pipeline/ingredient-profile.ts
var INGREDIENT_KINDS = [
  "meat",
  "poultry",
  "fish",
  "shellfish",
  "animal",
  "dairy",
  "egg",
  "honey",
  "wheat",
  "gluten_grain",
  "peanut",
  "tree_nut",
  "soy",
  "sesame",
  "grain",
  "vegetable",
  "fruit",
  "legume",
  "herb",
  "spice",
  "fungus",
  "seaweed",
  "oil",
  "sweetener",
  "starch",
  "condiment",
  "alcohol",
  "prepared"
];
var KIND_BITS = new Map(INGREDIENT_KINDS.map((kind, i) => [kind, 1 << i]));
var maskOf = (kinds) => kinds.reduce((mask, kind) => mask | (KIND_BITS.get(kind) ?? 0), 0);
var NOT_VEGETARIAN = maskOf(["meat", "poultry", "fish", "shellfish", "animal"]);
var NOT_VEGAN = NOT_VEGETARIAN | maskOf(["dairy", "egg", "honey"]);
var HAS_GLUTEN = maskOf(["wheat", "gluten_grain"]);
var DAIRY = maskOf(["dairy"]);
var NUTS = maskOf(["peanut", "tree_nut"]);
var ALLERGEN_MASKS = ALLERGENS.map((allergen) => maskOf([allergen === "milk" ? "dairy" : allergen]));
var MAX_DEPTH = 8;
function ingredientMasks(table) {
  const masks2 = /* @__PURE__ */ new Map();
  const resolve2 = (name, parent, depth) => {
    const known = masks2.get(name);
    if (known !== void 0) return known;
    const entry = table[name];
    if (!entry) throw new Error(`ingredients.json "${parent}": contains unknown ingredient "${name}"`);
    if (depth > MAX_DEPTH) throw new Error(`ingredients.json "${name}": contains itself (or nests deeper than ${MAX_DEPTH})`);
    let mask = KIND_BITS.get(entry.kind);
    if (mask === void 0)
      throw new Error(`ingredients.json "${name}": unknown kind "${entry.kind}" (one of ${INGREDIENT_KINDS.join(", ")})`);
    const parts = entry.contains;
    if (entry.kind === "prepared" !== Array.isArray(parts)) {
      throw new Error(`ingredients.json "${name}": prepared foods, and only they, list what they contain`);
    }
    if (parts) for (let i = 0; i < parts.length; i++) mask |= resolve2(parts[i], name, depth + 1);
    masks2.set(name, mask);
    return mask;
  };
  for (const name in table) resolve2(name, name, 0);
  return masks2;
}
var dietCache = /* @__PURE__ */ new Map();
var allergenCache = /* @__PURE__ */ new Map();
var DIET_RELEVANT = NOT_VEGAN | HAS_GLUTEN | NUTS;
var ALLERGEN_RELEVANT = ALLERGEN_MASKS.reduce((all, mask) => all | mask, 0);
function dietOf(kinds) {
  const mask = kinds & DIET_RELEVANT;
  const cached4 = dietCache.get(mask);
  if (cached4) return cached4;
  const diet = [];
  if (!(mask & NOT_VEGETARIAN)) diet.push("vegetarian");
  if (!(mask & NOT_VEGAN)) diet.push("vegan");
  if (!(mask & HAS_GLUTEN)) diet.push("gluten_free");
  if (!(mask & DAIRY)) diet.push("dairy_free");
  if (!(mask & NUTS)) diet.push("nut_free");
  dietCache.set(mask, diet);
  return diet;
}
function allergensOf(kinds) {
  const mask = kinds & ALLERGEN_RELEVANT;
  const cached4 = allergenCache.get(mask);
  if (cached4) return cached4;
  const found = [];
  for (let i = 0; i < ALLERGENS.length; i++) if (mask & (ALLERGEN_MASKS[i] ?? 0)) found.push(ALLERGENS[i]);
  allergenCache.set(mask, found);
  return found;
}

// src/pipeline/catalog.ts
var CUISINES = [
  "japanese",
  "chinese",
  "korean",
  "thai",
  "indian",
  "italian",
  "mexican",
  "american",
  "mediterranean",
  "middle_eastern",
  "french"
];
var CUISINE_SET = new Set(CUISINES);
var SNAKE_CASE = /^[a-z0-9_]+$/;
var DISH_TAGS = CORE_LABELS.filter((label) => !/^(diet|cuisine)_/.test(label));
var cached2;
function loadCatalog() {
  cached2 ??= buildCatalog(
    JSON.parse(readFileSync4(packagePath("fixtures", "catalog.json"), "utf8")),
    JSON.parse(readFileSync4(packagePath("fixtures", "ingredients.json"), "utf8"))
  );
  return cached2;
}
function buildCatalog(catalogDoc, ingredientsDoc) {
  const table = ingredientsDoc?.ingredients;
  if (!table || typeof table !== "object") throw new Error('ingredients.json: expected {"ingredients": {...}}');
  const masks2 = ingredientMasks(table);
  const entries = catalogDoc?.dishes;
  if (!Array.isArray(entries)) throw new Error('catalog.json: expected {"dishes": [...]}');
  const byTag = new Map(DISH_TAGS.map((tag) => [tag, []]));
  const ids = /* @__PURE__ */ new Set();
  const names = /* @__PURE__ */ new Set();
  const dishes = [];
  for (let index = 0; index < entries.length; index++) {
    const raw = entries[index];
    const problem = shapeProblem(raw, ids, names);
    if (problem) throw dishError(index, raw, problem);
    ids.add(raw.id);
    names.add(raw.name);
    let kinds = 0;
    for (let i = 0; i < raw.ingredients.length; i++) {
      const mask = masks2.get(raw.ingredients[i]);
      if (mask === void 0)
        throw dishError(index, raw, `unknown ingredient "${raw.ingredients[i]}" (add it to fixtures/ingredients.json)`);
      kinds |= mask;
    }
    for (let i = 0; i < raw.tags.length; i++) {
      const bucket = byTag.get(raw.tags[i]);
      if (!bucket)
        throw dishError(index, raw, `unknown tag "${raw.tags[i]}" (dish tags are taxonomy labels other than diet_* and cuisine_*)`);
      bucket.push(index);
    }
    const dish = raw;
    dish.diet = dietOf(kinds);
    dish.allergens = allergensOf(kinds);
    dishes.push(dish);
  }
  return { dishes, byTag };
}
function dishError(index, raw, problem) {
  return new Error(`catalog.json dish ${index} (${raw?.id ?? "no id"}): ${problem}`);
}
function shapeProblem(raw, ids, names) {
  if (typeof raw?.id !== "string" || !SNAKE_CASE.test(raw.id)) return "id must be snake_case";
  if (ids.has(raw.id)) return "duplicate id";
  if (typeof raw.name !== "string" || raw.name.trim() === "") return "missing name";
  if (names.has(raw.name)) return `duplicate name "${raw.name}"`;
  if (!CUISINE_SET.has(raw.cuisine)) return `unknown cuisine "${raw.cuisine}" (one of ${CUISINES.join(", ")})`;
  if (!Array.isArray(raw.ingredients) || raw.ingredients.length === 0) return "ingredients must be a non-empty array";
  if (!Array.isArray(raw.tags)) return "tags must be an array";
  if (typeof raw.popularity !== "number" || !(raw.popularity >= 0 && raw.popularity <= 1)) return "popularity must be in [0, 1]";
  if (typeof raw.description !== "string" || raw.description.trim() === "") return "missing description";
  return null;
}

// src/pipeline/classifier/artifact.ts
import { mkdirSync, readFileSync as readFileSync5, renameSync, writeFileSync } from "node:fs";
import { join as join3 } from "node:path";
var ARTIFACT_FORMAT = "moodfood-classifier/1";
function deserializeArtifact(headerJson, blob) {
  const header = JSON.parse(headerJson);
  if (header.format !== ARTIFACT_FORMAT) throw new Error(`unsupported model format ${String(header.format)}`);
  const F = header.weights.features;
  const L = header.labels.length;
  const expected = 4 * (F + L + F * L);
  if (blob.byteLength !== expected) throw new Error(`model weights are ${blob.byteLength} bytes, expected ${expected}`);
  const bytes = blob.byteOffset % 4 === 0 ? blob : Uint8Array.from(blob);
  const buffer = bytes.buffer;
  const at = bytes.byteOffset;
  return {
    header,
    buckets: new Uint32Array(buffer, at, F),
    bias: new Float32Array(buffer, at + 4 * F, L),
    weights: new Float32Array(buffer, at + 4 * (F + L), F * L)
  };
}
function readArtifact(dir, name) {
  const headerJson = readFileSync5(join3(dir, `${name}.json`), "utf8");
  const header = JSON.parse(headerJson);
  return deserializeArtifact(headerJson, readFileSync5(join3(dir, header.weights?.file ?? `${name}.bin`)));
}

// src/pipeline/classifier/calibration.ts
function applyPlatt(platt, score) {
  const z = platt.a * score + platt.b;
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

// src/pipeline/classifier/features.ts
var DEFAULT_FEATURE_CONFIG = {
  hashBits: 18,
  charMin: 3,
  charMax: 5,
  wordWeight: 1,
  charWeight: 0.8,
  markNegation: true
};
var NEGATORS2 = /* @__PURE__ */ new Set(["no", "not", "nothing", "never", "without", "dont", "cant", "skip", "skipping", "avoid", "avoiding", "except", "nor"]);
var NEGATION_REACH = 3;
var unicodeWordRe;
function featureWords(text2) {
  let clean = text2.toLowerCase().replace(/['’‘`´]/g, "");
  let re = /[a-z0-9]+|[.,;:!?]/g;
  if (/[^\x00-\x7f]/.test(clean)) {
    clean = clean.normalize("NFKD").replace(/\p{M}/gu, "");
    unicodeWordRe ??= /[\p{L}\p{N}]+|\p{Extended_Pictographic}|[.,;:!?]/gu;
    re = unicodeWordRe;
  }
  return (clean.match(re) ?? []).map((word) => word.replace(/(.)\1{2,}/g, "$1$1"));
}
function hashString(text2) {
  let h = 2166136261;
  for (let i = 0; i < text2.length; i++) {
    h ^= text2.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function addGroup(into, counts, weight) {
  let norm = 0;
  for (const count of counts.values()) norm += count * count;
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (const [bucket, count] of counts) into.set(bucket, (into.get(bucket) ?? 0) + count * scale);
}
function extractFeatures(text2, config2 = DEFAULT_FEATURE_CONFIG) {
  const mask = 2 ** config2.hashBits - 1;
  const bucket = (feature) => hashString(feature) & mask;
  const wordCounts = /* @__PURE__ */ new Map();
  const charCounts = /* @__PURE__ */ new Map();
  const count = (counts, feature) => {
    const b = bucket(feature);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  const words2 = featureWords(text2);
  let negatedFor = 0;
  let previous = "<s>";
  for (const word of words2) {
    if (/^[.,;:!?]$/.test(word)) {
      negatedFor = 0;
      previous = "<p>";
      continue;
    }
    const marked = config2.markNegation && negatedFor > 0 ? `!${word}` : word;
    count(wordCounts, `w:${word}`);
    if (marked !== word) count(wordCounts, `w:${marked}`);
    count(wordCounts, `b:${previous} ${word}`);
    previous = word;
    negatedFor = NEGATORS2.has(word) ? NEGATION_REACH : Math.max(0, negatedFor - 1);
    const padded = ` ${word} `;
    for (let n = config2.charMin; n <= config2.charMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) count(charCounts, `c:${padded.slice(i, i + n)}`);
    }
  }
  if (words2.length > 0) count(wordCounts, `b:${previous} </s>`);
  const merged = /* @__PURE__ */ new Map();
  addGroup(merged, wordCounts, config2.wordWeight);
  addGroup(merged, charCounts, config2.charWeight);
  const buckets = Uint32Array.from([...merged.keys()].sort((a, b) => a - b));
  const values = Float32Array.from(buckets, (b) => merged.get(b) ?? 0);
  return { buckets, values };
}

// src/pipeline/classifier/model.ts
function rowOf(buckets, bucket) {
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const mid = low + high >>> 1;
    const value = buckets[mid] ?? 0;
    if (value === bucket) return mid;
    if (value < bucket) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
function createClassifier(artifact) {
  const { header, buckets, bias, weights } = artifact;
  const labels = header.labels;
  const L = labels.length;
  const { a, b } = header.calibration;
  const probabilities = (text2) => {
    const features = extractFeatures(text2, header.feature_config);
    const z = Float64Array.from(bias);
    for (let k = 0; k < features.buckets.length; k++) {
      const row = rowOf(buckets, features.buckets[k] ?? 0);
      if (row < 0) continue;
      const v = features.values[k] ?? 0;
      const base = row * L;
      for (let l = 0; l < L; l++) z[l] = (z[l] ?? 0) + v * (weights[base + l] ?? 0);
    }
    return z.map((score, l) => applyPlatt({ a: a[l] ?? 1, b: b[l] ?? 0 }, score));
  };
  return {
    version: header.version,
    artifact,
    probabilities,
    classify(text2) {
      const p = probabilities(text2);
      return labels.map((label, l) => ({ label, score: p[l] ?? 0 })).sort((x, y) => y.score - x.score || (x.label < y.label ? -1 : 1));
    }
  };
}

// src/pipeline/classifier/load.ts
var SHIPPED_MODEL_NAME = "classifier";
function shippedModelDir() {
  return packagePath("models");
}
function loadShippedClassifier() {
  return createClassifier(readArtifact(shippedModelDir(), SHIPPED_MODEL_NAME));
}

// src/pipeline/classifier/active.ts
function loadActiveClassifier(store) {
  const row = store.models.active();
  if (!row) return loadShippedClassifier();
  return createClassifier(deserializeArtifact(row.header, row.weights));
}

// src/pipeline/providers/circuit-breaker.ts
var FAILURES_TO_OPEN = 5;
var OPEN_MS = 6e4;
var CLOSED = { failures: 0, openedAt: null, probeAt: null };
var circuitKey = (model) => `llm.circuit.${model}`;
function readCircuit(store, model) {
  return store.meta.get(circuitKey(model))?.value ?? CLOSED;
}
function admit(state, t) {
  if (state.openedAt === null) return { admitted: true, next: state };
  const cooledDown = t - state.openedAt >= OPEN_MS;
  const probeFree = state.probeAt === null || t - state.probeAt > OPEN_MS;
  if (cooledDown && probeFree) return { admitted: true, next: { ...state, probeAt: t } };
  return { admitted: false, next: state };
}
function withCircuitBreaker(provider, store, now = Date.now) {
  const key = circuitKey(provider.model);
  const save = (state) => store.meta.set(key, state, now());
  return {
    name: provider.name,
    model: provider.model,
    async parse(query, signal) {
      const admitted = store.transaction(() => {
        const decision = admit(readCircuit(store, provider.model), now());
        save(decision.next);
        return decision.admitted;
      });
      if (!admitted) throw new LlmCallError("circuit_open", `LLM circuit for ${provider.model} is open`);
      try {
        const result = await provider.parse(query, signal);
        store.transaction(() => save(CLOSED));
        return result;
      } catch (error) {
        store.transaction(() => {
          const state = readCircuit(store, provider.model);
          const failures = state.failures + 1;
          const open = state.openedAt !== null || failures >= FAILURES_TO_OPEN;
          save({ failures, openedAt: open ? now() : null, probeAt: null });
        });
        throw error;
      }
    }
  };
}

// src/pipeline/providers/local/intensity.ts
var BOOSTERS = /* @__PURE__ */ new Set([
  "so",
  "very",
  "really",
  "super",
  "extremely",
  "mega",
  "incredibly",
  "totally",
  "absolutely",
  "completely",
  "utterly",
  "insanely",
  "seriously",
  "hella",
  "wicked",
  "damn",
  "freaking",
  "fricking",
  "fucking",
  "effing",
  "crazy",
  "beyond",
  "too",
  "majorly",
  "deeply",
  "terribly",
  "awfully",
  "painfully",
  "ridiculously",
  "unbelievably",
  "massively",
  "hugely",
  "ultra",
  "extra",
  "mad",
  "proper",
  "dead",
  "genuinely"
]);
var DAMPENERS = /* @__PURE__ */ new Set([
  "bit",
  "little",
  "kinda",
  "sorta",
  "slightly",
  "somewhat",
  "tad",
  "mildly",
  "lowkey",
  "semi",
  "fairly",
  "touch",
  "lil",
  "abit",
  "kind",
  "sort",
  "partly",
  "maybe"
]);
var BOOST = 1.3;
var DAMPEN = 0.8;
function intensityOf(tokens, match) {
  let factor = 1;
  for (let i = Math.max(0, match.start - 2); i < match.start; i++) {
    const token = tokens[i];
    if (!token || token.kind !== "word") continue;
    if (DAMPENERS.has(token.norm) && !((token.norm === "kind" || token.norm === "sort") && tokens[i + 1]?.norm !== "of")) {
      factor = Math.min(factor, DAMPEN);
    } else if (BOOSTERS.has(token.norm) || token.elongated) {
      factor = Math.max(factor, BOOST);
    }
  }
  const inside = tokens.slice(match.start, match.end);
  if (inside.some((t) => t.caps || t.elongated)) factor *= 1.2;
  const next = tokens[match.end];
  if (next?.kind === "punct" && next.norm.includes("!!")) factor *= 1.1;
  return factor;
}
function overallIntensity(tokens, matches) {
  return matches.reduce((max, match) => Math.max(max, intensityOf(tokens, match)), matches.length > 0 ? 0 : 1);
}
function isModifier(word) {
  return BOOSTERS.has(word) || DAMPENERS.has(word);
}

// src/pipeline/providers/local/rules.ts
function hourOf(token) {
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(token.norm);
  if (!m || token.kind !== "time") return void 0;
  const hour = Number(m[1]);
  if (hour > 24) return void 0;
  if (m[3] === "pm" && hour < 12) return hour + 12;
  if (m[3] === "am" && hour === 12) return 0;
  return hour;
}
function mealAtHour(hour) {
  if (hour >= 22 || hour <= 4) return { label: "meal_late_night", weight: 0.9 };
  if (hour <= 10) return { label: "meal_breakfast", weight: 0.45 };
  if (hour >= 11 && hour <= 14) return { label: "meal_lunch", weight: 0.45 };
  if (hour >= 17 && hour <= 21) return { label: "meal_dinner", weight: 0.45 };
  return void 0;
}
function weatherAt(value, unit) {
  const fahrenheit = unit === "f" || unit === "fahrenheit" || value >= 50;
  const celsius = fahrenheit ? (value - 32) * 5 / 9 : value;
  if (celsius >= 25) return { label: "weather_hot", weight: 0.9 };
  if (celsius <= 5) return { label: "weather_cold", weight: 0.9 };
  return void 0;
}
var MINUTE_WORDS = /* @__PURE__ */ new Set(["min", "mins", "minute", "minutes", "sec", "secs", "seconds"]);
var DEGREE_WORDS = /* @__PURE__ */ new Set(["degrees", "degree", "deg", "c", "f", "celsius", "fahrenheit"]);
var PEOPLE_WORDS = /* @__PURE__ */ new Set(["people", "guests", "friends", "adults", "persons", "of"]);
function numericRules(tokens) {
  const hits = [];
  tokens.forEach((token, i) => {
    const hour = hourOf(token);
    const meal = hour === void 0 ? void 0 : mealAtHour(hour);
    if (meal) hits.push({ ...meal, start: i, end: i + 1 });
    if (token.kind !== "number") return;
    const value = Number(token.norm);
    const next = tokens[i + 1]?.norm ?? "";
    const previous = tokens[i - 1]?.norm ?? "";
    if (MINUTE_WORDS.has(next) && value <= 30) hits.push({ label: "goal_quick", weight: 0.9, start: i, end: i + 2 });
    if (DEGREE_WORDS.has(next) || next === "out" && value >= 25) {
      const unit = DEGREE_WORDS.has(tokens[i + 2]?.norm ?? "") ? tokens[i + 2]?.norm ?? "" : next;
      const weather = weatherAt(previous === "minus" ? -value : value, unit);
      if (weather) hits.push({ ...weather, start: i, end: i + 2 });
    }
    if (previous === "for" && value === 2) hits.push({ label: "social_couple", weight: 0.7, start: i - 1, end: i + 1 });
    if (value >= 4 && value <= 60 && (previous === "for" || PEOPLE_WORDS.has(next))) {
      hits.push({ label: "social_group", weight: 0.7, start: i, end: i + 1 });
    }
  });
  return hits;
}
var ANIMAL_PRODUCTS = {
  meat: "meat",
  meats: "meat",
  chicken: "meat",
  beef: "meat",
  pork: "meat",
  bacon: "meat",
  fish: "meat",
  seafood: "meat",
  egg: "egg",
  eggs: "egg",
  dairy: "dairy",
  milk: "dairy",
  cheese: "dairy",
  butter: "dairy",
  cream: "dairy",
  honey: "honey",
  gelatin: "honey",
  animal: "animal"
};
var EXCLUDING = /* @__PURE__ */ new Set(["no", "without", "cant", "dont", "avoid", "avoiding", "never", "free", "nothing", "allergic", "zero"]);
function animalProductRule(tokens) {
  const hits = [];
  let excluding = -1;
  let groups = /* @__PURE__ */ new Set();
  const flush = (end) => {
    if (excluding < 0) return;
    if (groups.has("animal") || [...groups].filter((g) => g !== "meat").length >= 2) {
      hits.push({ label: "diet_vegan", weight: 0.9, start: excluding, end });
    } else if (groups.size === 1 && groups.has("meat")) {
      hits.push({ label: "diet_vegetarian", weight: 0.9, start: excluding, end });
    } else if (groups.has("dairy") && groups.has("meat") === false && groups.size === 1) {
      hits.push({ label: "diet_dairy_free", weight: 0.9, start: excluding, end });
    } else if (groups.has("meat") && groups.size >= 2) {
      hits.push({ label: "diet_vegan", weight: 0.9, start: excluding, end });
    }
    excluding = -1;
    groups = /* @__PURE__ */ new Set();
  };
  tokens.forEach((token, i) => {
    if (token.kind === "punct" && /[.!?;]/.test(token.norm)) flush(i);
    else if (token.norm === "but") flush(i);
    else if (EXCLUDING.has(token.norm) && excluding < 0) excluding = i;
    else if (excluding >= 0 && ANIMAL_PRODUCTS[token.norm]) groups.add(ANIMAL_PRODUCTS[token.norm] ?? "");
  });
  flush(tokens.length);
  return hits;
}
function ruleHits(tokens) {
  return [...numericRules(tokens), ...animalProductRule(tokens)];
}

// src/pipeline/providers/local/semantic-parse.ts
var INCLUDE_AT = 0.5;
var WEAK_FLOOR = 0.3;
var MAX_LABELS = 6;
var FUZZY_FACTOR = 0.85;
var FUNCTION_WORDS = /* @__PURE__ */ new Set([
  "i",
  "im",
  "me",
  "my",
  "a",
  "an",
  "the",
  "and",
  "or",
  "to",
  "of",
  "for",
  "in",
  "on",
  "at",
  "it",
  "its",
  "is",
  "am",
  "are",
  "was",
  "be",
  "been",
  "this",
  "that",
  "with",
  "some",
  "something",
  "anything",
  "what",
  "want",
  "wanna",
  "need",
  "like",
  "feel",
  "feeling",
  "just",
  "get",
  "got",
  "can",
  "could",
  "would",
  "should",
  "eat",
  "food",
  "have",
  "had",
  "do",
  "dont",
  "please",
  "today",
  "now",
  "any",
  "ideas",
  "idea",
  "recommend",
  "suggest",
  "craving",
  "crave",
  "mood",
  "up",
  "out",
  "but",
  "all",
  "day",
  "lol",
  "tbh",
  "rn",
  "pls",
  "we",
  "you",
  "your",
  "our",
  "us",
  "so",
  "too",
  "im",
  "ive",
  "id",
  "ill",
  "one",
  "make",
  "good",
  "bit"
]);
function noisyOr(values) {
  return 1 - values.reduce((rest, value) => rest * (1 - Math.min(0.97, value)), 1);
}
function coverage(tokens, covered) {
  let content = 0;
  let explained = 0;
  tokens.forEach((token, i) => {
    if (token.kind === "punct" || token.kind === "word" && (FUNCTION_WORDS.has(token.norm) || isModifier(token.norm))) return;
    content++;
    if (covered[i]) explained++;
  });
  return content === 0 ? 0 : explained / content;
}
function parseLocally(text2, lexicon, alsoNegated = []) {
  const tokens = lexiconTokens(text2, lexicon);
  const matches = findMatches(tokens, lexicon);
  const negated = /* @__PURE__ */ new Set([...negatedLabelsFrom(tokens, matches, lexicon), ...alsoNegated]);
  const evidence = /* @__PURE__ */ new Map();
  const covered = new Array(tokens.length).fill(false);
  const add = (label, value) => {
    evidence.set(label, [...evidence.get(label) ?? [], value]);
  };
  for (const match of matches) {
    const factor = intensityOf(tokens, match) * (match.fuzzy ? FUZZY_FACTOR : 1);
    for (const { label, weight } of match.pattern.labels) add(label, weight * factor);
    for (let i = match.start; i < match.end; i++) covered[i] = true;
  }
  for (const hit of ruleHits(tokens)) {
    add(hit.label, hit.weight);
    for (let i = Math.max(0, hit.start); i < hit.end; i++) covered[i] = true;
  }
  for (const label of negated) for (const opposite of lexicon.whenNegated.get(label) ?? []) add(opposite.label, opposite.weight);
  const strengths = /* @__PURE__ */ new Map();
  for (const [label, values] of evidence) if (!negated.has(label)) strengths.set(label, noisyOr(values));
  for (const [label, strength] of [...strengths]) {
    for (const implied of lexicon.implies.get(label) ?? []) {
      if (negated.has(implied.label)) continue;
      const before = strengths.get(implied.label) ?? 0;
      strengths.set(implied.label, noisyOr([before, strength * implied.weight]));
    }
  }
  const ranked = [...strengths].map(([label, strength]) => ({ label, strength: Math.min(1, strength) })).sort((a, b) => b.strength - a.strength || (a.label < b.label ? -1 : 1));
  const strong = ranked.filter((entry) => entry.strength >= INCLUDE_AT);
  const labels = (strong.length > 0 ? strong : ranked.filter((entry) => entry.strength >= WEAK_FLOOR)).slice(0, MAX_LABELS);
  return {
    labels,
    negated: [...negated],
    confidence: confidenceOf(labels, coverage(tokens, covered), strong.length > 0),
    intensity: overallIntensity(tokens, matches),
    evidence: matches.map((match) => match.pattern.source)
  };
}
function confidenceOf(labels, covered, anyStrong) {
  if (labels.length === 0) return 0.05;
  const top = labels.slice(0, 3);
  const mean = top.reduce((sum, entry) => sum + entry.strength, 0) / top.length;
  const raw = 0.1 + 0.45 * mean + 0.4 * covered;
  return Math.round(Math.min(0.95, anyStrong ? raw : raw * 0.5) * 1e3) / 1e3;
}

// src/pipeline/providers/local.ts
var LOCAL_MODEL = "moodfood-lexicon-1";
function estimateTokens(text2) {
  return Math.max(1, Math.ceil(text2.length / 4));
}
var LocalProvider = class {
  constructor(taxonomy) {
    this.taxonomy = taxonomy;
  }
  taxonomy;
  name = "local";
  model = LOCAL_MODEL;
  lexicon;
  async parse(query, signal) {
    signal?.throwIfAborted();
    this.lexicon ??= this.taxonomy ? compileLexicon(this.taxonomy) : sharedLexicon();
    const result = parseLocally(query.text, this.lexicon, query.negatedLabels);
    const labels = result.labels.map((entry) => entry.label);
    const output = JSON.stringify({ labels, confidence: result.confidence });
    return {
      labels,
      confidence: result.confidence,
      model: this.model,
      inputTokens: estimateTokens(query.text),
      outputTokens: estimateTokens(output)
    };
  }
};
function createLocalProvider(taxonomy) {
  return new LocalProvider(taxonomy);
}

// src/pipeline/providers/openai.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/pipeline/providers/openai-response.ts
function parseLabelReply(content) {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const body = (fenced?.[1] ?? content).trim();
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new LlmCallError("invalid_output", "LLM reply is not JSON");
  }
  const reply = parsed;
  if (!Array.isArray(reply.labels) || !reply.labels.every((l) => typeof l === "string")) {
    throw new LlmCallError("invalid_output", "LLM reply has no labels array of strings");
  }
  const confidence = typeof reply.confidence === "number" && Number.isFinite(reply.confidence) ? Math.min(1, Math.max(0, reply.confidence)) : NaN;
  if (Number.isNaN(confidence)) throw new LlmCallError("invalid_output", "LLM reply has no numeric confidence");
  return { labels: reply.labels, confidence };
}
function reasonForStatus(status) {
  return status >= 500 || status === 429 ? "http_5xx" : "http_4xx";
}

// src/pipeline/providers/openai.ts
var MAX_ATTEMPTS = 3;
function systemPrompt(labels) {
  return [
    "You read how a person feels and what they want to eat, and answer with strict JSON only:",
    '{"labels": string[], "confidence": number}.',
    "labels: the taxonomy labels the text expresses, stated or clearly implied, best first, usually 1 to 4; never a label the person rules out.",
    "confidence: 0 to 1, how sure you are.",
    `Taxonomy: ${labels.join(", ")}.`
  ].join("\n");
}
function createOpenAiProvider(options) {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const system = systemPrompt(options.labels);
  async function attempt(query, signal) {
    let response;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {} },
        body: JSON.stringify({ model: options.model, temperature: 0, messages: [{ role: "system", content: system }, { role: "user", content: query.text }] }),
        signal
      });
    } catch (error) {
      if (signal?.aborted) throw new LlmCallError("timeout", "LLM call timed out");
      throw new LlmCallError("network", `LLM endpoint unreachable (${error.cause?.code ?? "network error"})`);
    }
    if (!response.ok) throw new LlmCallError(reasonForStatus(response.status), `LLM endpoint answered HTTP ${response.status}`);
    const body = await response.json().catch(() => null);
    const content = body?.choices?.[0]?.message?.content;
    if (typeof content !== "string") throw new LlmCallError("invalid_output", "LLM reply has no message content");
    const reply = parseLabelReply(content);
    return {
      ...reply,
      model: options.model,
      inputTokens: body?.usage?.prompt_tokens ?? Math.ceil((system.length + query.text.length) / 4),
      outputTokens: body?.usage?.completion_tokens ?? Math.ceil(content.length / 4)
    };
  }
  return {
    name: "openai",
    model: options.model,
    async parse(query, signal) {
      const deadline = Date.now() + options.timeoutMs;
      for (let n = 1; ; n++) {
        try {
          return await attempt(query, signal);
        } catch (error) {
          const retryable = error instanceof LlmCallError && (error.reason === "http_5xx" || error.reason === "network");
          const wait = Math.random() * 100 * 2 ** (n - 1);
          if (!retryable || n >= MAX_ATTEMPTS || Date.now() + wait >= deadline || signal?.aborted) throw error;
          await sleep(wait, void 0, { signal }).catch(() => {
          });
        }
      }
    }
  };
}

// src/pipeline/providers/create-provider.ts
function createProvider(config2, store) {
  if (config2.llmProvider === "openai") {
    const provider = createOpenAiProvider({
      baseUrl: config2.llmBaseUrl,
      apiKey: config2.llmApiKey,
      model: config2.llmModel,
      timeoutMs: config2.llmTimeoutMs,
      labels: CORE_LABELS
    });
    return withCircuitBreaker(provider, store);
  }
  return createLocalProvider();
}

// src/pipeline/runtime.ts
function logFileExporters(config2) {
  return config2.traceLogFile ? [jsonlExporter(config2.traceLogFile)] : [];
}
function createPipelineDeps(config2, store, sink) {
  return {
    provider: createProvider(config2, store),
    classifier: loadActiveClassifier(store),
    catalog: loadCatalog(),
    sink: sink ?? storeSink(store, logFileExporters(config2)),
    mlThreshold: config2.mlThreshold,
    llmTimeoutMs: config2.llmTimeoutMs
  };
}

// src/simulate/phrase-bank/fillers.ts
var OPENERS = [
  "",
  "",
  "",
  "",
  "",
  "ok so ",
  "hey, ",
  "ugh ",
  "honestly ",
  "help: ",
  "quick one - ",
  "so ",
  "hi! ",
  "hmm ",
  "right, ",
  "not gonna lie, "
];
var CLOSERS = [
  "",
  "",
  "",
  "",
  " any ideas?",
  " what should I eat?",
  " pls help",
  " recommendations?",
  " what do I make",
  "?",
  "...",
  "!!",
  " suggestions welcome",
  " go",
  " thoughts?",
  " what would you get"
];
var MEAL_BY_PART = {
  morning: [{ text: "breakfast", labels: ["meal_breakfast"] }],
  midday: [{ text: "lunch", labels: ["meal_lunch"] }],
  afternoon: [{ text: "an afternoon snack", labels: ["meal_snack"] }],
  evening: [
    { text: "dinner", labels: ["meal_dinner"] },
    { text: "supper", labels: ["meal_dinner"] }
  ],
  night: [{ text: "a late-night bite", labels: ["meal_late_night"] }]
};
var WHEN_BY_PART = {
  morning: ["this morning", "today", "already"],
  midday: ["today", "this lunchtime", "right now"],
  afternoon: ["this afternoon", "today", "right now"],
  evening: ["tonight", "this evening", "today"],
  night: ["tonight", "right now", "at this hour"]
};
var WHO = [
  { text: "my partner", labels: ["social_couple"] },
  { text: "my boyfriend", labels: ["social_couple"] },
  { text: "my parents", labels: ["social_family"] },
  { text: "the kids", labels: ["social_family"] },
  { text: "my roommates", labels: ["social_group"] },
  { text: "a few friends", labels: ["social_group"] }
];
var DIET_REMARKS = [
  { text: " (I'm vegan)", labels: ["diet_vegan"] },
  { text: ", vegetarian here", labels: ["diet_vegetarian"] },
  { text: " - no meat for me", labels: ["diet_vegetarian"] },
  { text: ", has to be gluten free", labels: ["diet_gluten_free"] },
  { text: ", I'm coeliac", labels: ["diet_gluten_free"] },
  { text: ", dairy free please", labels: ["diet_dairy_free"] },
  { text: ". lactose intolerant btw", labels: ["diet_dairy_free"] },
  { text: ", allergic to peanuts", labels: [] },
  { text: ", shellfish allergy", labels: [] }
];
var EMOJI_BY_LABEL = {
  emotion_sad: ["\u{1F622}", "\u{1F61E}", "\u{1F494}", "\u{1F97A}"],
  emotion_stressed: ["\u{1F629}", "\u{1FAE0}", "\u{1F635}\u200D\u{1F4AB}"],
  emotion_anxious: ["\u{1F62C}", "\u{1F630}"],
  emotion_tired: ["\u{1F634}", "\u{1F971}", "\u{1F4A4}"],
  emotion_happy: ["\u{1F604}", "\u2728", "\u2600\uFE0F"],
  emotion_excited: ["\u{1F389}", "\u{1F973}", "\u{1F37E}"],
  emotion_angry: ["\u{1F621}", "\u{1F92C}"],
  emotion_lonely: ["\u{1F972}", "\u{1F614}"],
  weather_cold: ["\u{1F976}", "\u2744\uFE0F"],
  weather_rainy: ["\u{1F327}\uFE0F", "\u2614"],
  weather_hot: ["\u{1F975}", "\u2600\uFE0F", "\u{1F525}"],
  health_sick: ["\u{1F912}", "\u{1F927}"],
  health_hangover: ["\u{1F974}", "\u{1F922}"],
  meal_dessert: ["\u{1F370}", "\u{1F36B}"]
};
var DEFAULT_EMOJI = ["\u{1F35C}", "\u{1F32E}", "\u{1F355}", "\u{1F60B}", "\u{1F64F}", "\u{1F924}"];

// src/simulate/typing-noise.ts
var SHORTHAND = [
  [/\bplease\b/g, "pls"],
  [/\bsomething\b/g, "smth"],
  [/\byou\b/g, "u"],
  [/\btonight\b/g, "tonite"],
  [/\bbecause\b/g, "cuz"],
  [/\breally\b/g, "rly"]
];
var DEFAULT_NOISE = { typo: 0.12, shorthand: 0.15, noApostrophes: 0.25, lowercase: 0.35, shouting: 0.02 };
function addTypingNoise(text2, rng, rates = DEFAULT_NOISE) {
  let out = text2;
  if (rng.chance(rates.shorthand)) for (const [pattern, short] of SHORTHAND) out = out.replace(pattern, short);
  if (rng.chance(rates.noApostrophes)) out = out.replace(/'/g, "");
  if (rng.chance(rates.typo)) out = slipKey(out, rng);
  if (rng.chance(rates.typo / 3)) out = slipKey(out, rng);
  if (rng.chance(rates.shouting)) return out.toUpperCase();
  if (rng.chance(rates.lowercase)) return out.toLowerCase();
  return out.charAt(0).toUpperCase() + out.slice(1);
}
function slipKey(text2, rng) {
  const words2 = [...text2.matchAll(/[a-z]{4,}/gi)];
  if (words2.length === 0) return text2;
  const word = rng.pick(words2);
  const start = word.index ?? 0;
  const i = start + 1 + rng.int(word[0].length - 2);
  const kind = rng.int(3);
  if (kind === 0) return text2.slice(0, i) + (text2[i + 1] ?? "") + (text2[i] ?? "") + text2.slice(i + 2);
  if (kind === 1) return text2.slice(0, i) + text2.slice(i + 1);
  return text2.slice(0, i) + (text2[i] ?? "") + text2.slice(i);
}

// src/simulate/compose-query.ts
var DIET_REMARK_RATE = 0.08;
var EMOJI_RATE = 0.18;
function composeQuery(situation, part, rng) {
  const intended = new Set(situation.labels);
  const core = rng.pick(situation.phrasings).replace(/\{(meal|when|who)\}/g, (_, slot) => {
    if (slot === "when") return rng.pick(WHEN_BY_PART[part]);
    const fragment = rng.pick(slot === "meal" ? MEAL_BY_PART[part] : WHO);
    for (const label of fragment.labels) intended.add(label);
    return fragment.text;
  });
  let text2 = `${rng.pick(OPENERS)}${core}`;
  if (rng.chance(DIET_REMARK_RATE)) {
    const remark = rng.pick(DIET_REMARKS);
    text2 += remark.text;
    for (const label of remark.labels) intended.add(label);
  }
  text2 = addTypingNoise(`${text2}${rng.pick(CLOSERS)}`, rng);
  if (rng.chance(EMOJI_RATE)) text2 += ` ${rng.pick(emojiFor(situation))}`;
  return { text: text2, intended: [...intended] };
}
function emojiFor(situation) {
  for (const label of situation.labels) {
    const emoji = EMOJI_BY_LABEL[label];
    if (emoji) return emoji;
  }
  return DEFAULT_EMOJI;
}

// src/simulate/drift-shift.ts
function eraOfDay(dayNumber, driftDay) {
  return driftDay !== null && dayNumber >= driftDay ? "drifted" : "stationary";
}
var SEASON_WEIGHT = {
  stationary: { any: 1, cold: 1, hot: 0.15 },
  drifted: { any: 0.8, cold: 0.05, hot: 2 }
};
function seasonWeight(season, era) {
  return SEASON_WEIGHT[era][season];
}

// src/simulate/phrase-bank/company-and-weather.ts
var COMPANY_AND_WEATHER_SITUATIONS = [
  {
    id: "date_night",
    labels: ["occasion_date", "social_couple"],
    weight: 3,
    when: ["evening"],
    phrasings: [
      "she's coming over for our third date, help me not mess up dinner",
      "anniversary dinner at home, something romantic",
      "date night in, candles are ready, food isn't"
    ]
  },
  {
    id: "family_table",
    labels: ["social_family", "meal_dinner"],
    weight: 3,
    when: ["evening"],
    phrasings: [
      "feeding two picky kids and a tired husband",
      "sunday dinner with {who}, ideas?",
      "whole family is over tonight, need a crowd pleaser"
    ]
  },
  {
    id: "hosting",
    labels: ["occasion_party", "social_group"],
    weight: 2,
    phrasings: [
      "hosting twelve people saturday, need finger food",
      "throwing a housewarming, what do I serve",
      "party at mine tonight, snacks for a crowd"
    ]
  },
  {
    id: "team_lunch",
    labels: ["occasion_work", "social_group", "meal_lunch"],
    weight: 2,
    when: ["midday"],
    phrasings: [
      "ordering team lunch for eight, one of them hates cilantro",
      "lunch with the whole department, something everyone likes",
      "office lunch order, need a safe bet for the group"
    ]
  },
  {
    id: "game_night",
    labels: ["social_group", "meal_snack"],
    weight: 2,
    when: ["evening", "night"],
    phrasings: [
      "board game night with {who}, need snacks",
      "watching the match with the lads, what do we munch",
      "friends coming over for a movie marathon"
    ]
  },
  {
    id: "birthday",
    labels: ["occasion_celebration", "meal_dessert"],
    weight: 2,
    phrasings: [
      "it's my birthday and I want cake",
      "my kid turns six today, party treats please",
      "surprise birthday for {who}, what dessert"
    ]
  },
  {
    id: "table_for_one",
    labels: ["social_alone", "meal_dinner"],
    weight: 2,
    when: ["evening"],
    phrasings: ["table for one tonight, something nice", "it's only me eating {when}, make it nice", "solo dinner, make it feel special"]
  },
  {
    id: "freezing",
    labels: ["weather_cold", "sensory_warming"],
    season: "cold",
    weight: 4,
    phrasings: [
      "minus ten outside and the heating is broken",
      "frost on the windows, need to warm up from the inside",
      "walked home in the icy wind, fingers numb",
      "so cold {when}, something steaming hot for {meal}"
    ]
  },
  {
    id: "soaked",
    labels: ["weather_rainy", "goal_comfort"],
    season: "cold",
    weight: 3,
    phrasings: [
      "got soaked walking home, want something cozy",
      "dreary wet weekend, can't go anywhere",
      "rain hasn't stopped since tuesday, need comfort"
    ]
  },
  {
    id: "snowed_in",
    labels: ["weather_cold", "goal_comfort", "sensory_warming"],
    season: "cold",
    weight: 2,
    phrasings: ["snowed in with {who}", "blizzard outside, cozy night in", "roads closed from the snow, what do I cook"]
  },
  {
    id: "warm_spell",
    labels: ["weather_hot", "sensory_refreshing"],
    season: "hot",
    weight: 3,
    phrasings: [
      "kitchen is a sauna, can't bear turning the stove on",
      "sweating through my shirt, want something cold",
      "sunny and sticky, something fresh"
    ]
  },
  {
    id: "ramen",
    labels: ["cuisine_japanese"],
    weight: 2,
    phrasings: ["ramen would hit the spot right now", "sushi craving hitting hard", "want some japanese food {when}"]
  },
  {
    id: "tacos",
    labels: ["cuisine_mexican"],
    weight: 2,
    phrasings: ["taco night energy", "craving mexican, lots of lime", "want a loaded burrito"]
  },
  {
    id: "pasta",
    labels: ["cuisine_italian"],
    weight: 2,
    phrasings: ["need a big bowl of pasta", "italian night, something with basil", "want risotto with lots of parmesan"]
  },
  {
    id: "curry",
    labels: ["cuisine_indian"],
    weight: 2,
    phrasings: ["want a proper indian curry", "craving something with garam masala", "biryani kind of mood"]
  },
  {
    id: "thai",
    labels: ["cuisine_thai"],
    weight: 1,
    phrasings: ["thai food craving, lemongrass and lime", "want some green curry or pad see ew"]
  },
  { id: "korean", labels: ["cuisine_korean"], weight: 1, phrasings: ["korean fried chicken please", "want bibimbap or something korean"] }
];

// src/simulate/phrase-bank/moods.ts
var MOOD_SITUATIONS = [
  {
    id: "breakup",
    labels: ["emotion_sad", "goal_comfort"],
    weight: 3,
    phrasings: [
      "just got dumped {when} and {meal} feels pointless",
      "my ex posted photos with someone new, I need comfort food",
      "heartbroken, I want to eat my feelings tonight",
      "relationship ended after four years, can't stop crying",
      "he left and took the good pans. need something soothing for {meal}"
    ]
  },
  {
    id: "bad_news",
    labels: ["emotion_sad"],
    weight: 3,
    phrasings: [
      "didn't get the job I interviewed three rounds for",
      "the vet called, my old dog isn't doing well",
      "flunked my driving test again, gutted",
      "rough phone call with my dad {when}, really down",
      "everything went wrong {when} and I feel like crying",
      "pretty gloomy mood, what should I eat for {meal}"
    ]
  },
  {
    id: "homesick",
    labels: ["emotion_nostalgic"],
    weight: 2,
    phrasings: [
      "missing my grandmother's kitchen so much {when}",
      "want something that tastes like being a kid again",
      "first winter away from home, homesick for my mum's cooking",
      "found an old photo album and now I crave the food we ate back then",
      "feeling sentimental, something like the sunday meals growing up"
    ]
  },
  {
    id: "deadline",
    labels: ["emotion_stressed", "occasion_work"],
    weight: 4,
    phrasings: [
      "three deadlines {when} and my manager keeps pinging me",
      "quarter-end close, zero breaks, need {meal} at my desk",
      "slammed at the office, running on caffeine and panic",
      "release is tonight and the build is broken, stressed beyond words",
      "back-to-back meetings till 7, what can I eat between them"
    ]
  },
  {
    id: "exam_cram",
    labels: ["emotion_stressed"],
    weight: 3,
    when: ["afternoon", "evening", "night"],
    phrasings: [
      "exam at 9am and I haven't opened chapter four",
      "cramming for finals, brain is melting",
      "thesis draft due friday and I'm spiralling",
      "study group bailed, stressed about the chem midterm"
    ]
  },
  {
    id: "nerves",
    labels: ["emotion_anxious", "goal_calm"],
    weight: 3,
    phrasings: [
      "big interview tomorrow and my stomach is in knots",
      "waiting on test results, can't sit still, want something soothing",
      "heart racing for no reason, need something gentle",
      "presenting to the board in an hour, jittery and a bit queasy",
      "on edge all day, something calming for {meal} please"
    ]
  },
  {
    id: "exhausted_shift",
    labels: ["emotion_tired", "goal_energy"],
    weight: 4,
    phrasings: [
      "just finished a twelve hour shift at the hospital",
      "running on four hours of sleep, need a boost",
      "hauled a sofa up five flights, I'm spent",
      "nurse on nights, need real food before I crash",
      "zombie mode {when}, what gives lasting energy"
    ]
  },
  {
    id: "too_tired_to_cook",
    labels: ["emotion_tired", "goal_quick"],
    weight: 4,
    when: ["evening", "night"],
    phrasings: [
      "can't face the stove, something effortless for {meal}",
      "exhausted, whatever takes ten minutes tops",
      "long day, zero energy to stand at the stove",
      "my legs are done, need {meal} with almost no effort"
    ]
  },
  {
    id: "good_news",
    labels: ["emotion_happy"],
    weight: 3,
    phrasings: [
      "we got the apartment!! in a great mood {when}",
      "best day in ages, everything clicked at work",
      "feeling fantastic, sun's out and so am I",
      "grinning like an idiot, my song got played on the radio",
      "such a lovely day, want a {meal} to match"
    ]
  },
  {
    id: "celebration",
    labels: ["emotion_excited", "occasion_celebration"],
    weight: 3,
    phrasings: [
      "we just closed our first funding round, celebrating",
      "my sister got engaged and we're toasting tonight",
      "passed the bar exam, time to celebrate properly",
      "promotion came through!!! what do we eat to celebrate",
      "team shipped the launch, want something festive"
    ]
  },
  {
    id: "fuming",
    labels: ["emotion_angry"],
    weight: 2,
    phrasings: [
      "train cancelled AGAIN, I'm fuming",
      "landlord raised the rent by 20%, furious",
      "a coworker ate my labelled leftovers, raging",
      "got yelled at by a customer for something not my fault, so angry",
      "absolutely seething after that call"
    ]
  },
  {
    id: "bored",
    labels: ["emotion_bored"],
    weight: 3,
    phrasings: [
      "eaten the same sandwich for a month, so bored of it",
      "nothing on tv, nothing to do, surprise me",
      "stuck at home with nothing going on, want something different",
      "so over my usual rotation, give me something new for {meal}"
    ]
  },
  {
    id: "alone",
    labels: ["emotion_lonely", "social_alone"],
    weight: 3,
    when: ["evening", "night"],
    phrasings: [
      "all my mates are busy and I'm sat at home by myself",
      "new city, no friends yet, eating by myself",
      "my flatmates moved out and the kitchen table is empty",
      "quiet flat, just me and the fridge {when}"
    ]
  }
];

// src/simulate/phrase-bank/needs.ts
var NEED_SITUATIONS = [
  {
    id: "post_workout",
    labels: ["goal_energy", "goal_healthy"],
    weight: 3,
    phrasings: [
      "leg day done, I need protein",
      "about to run a half marathon sunday, what should I fuel with",
      "back from spin class and ravenous",
      "climbing session wrecked my arms, refuel me"
    ]
  },
  {
    id: "eat_clean",
    labels: ["goal_healthy", "goal_light"],
    weight: 3,
    phrasings: [
      "trying to eat clean this week, ideas for {meal}",
      "something green and not fried please",
      "doctor said watch my cholesterol, what's a good {meal}",
      "detox week after the holidays, keep it fresh"
    ]
  },
  {
    id: "treat",
    labels: ["goal_indulgence"],
    weight: 3,
    when: ["evening", "night"],
    phrasings: [
      "treat myself night, go big",
      "want the cheesiest, greasiest thing possible",
      "cheat day and I intend to use it",
      "diet starts monday, tonight I want decadence"
    ]
  },
  {
    id: "desk_lunch",
    labels: ["goal_quick", "meal_lunch", "occasion_work"],
    weight: 4,
    when: ["midday"],
    phrasings: [
      "twenty minute lunch break between calls",
      "desk lunch again, need it fast",
      "quick work lunch I can eat with one hand",
      "only have a short break before the 1pm meeting"
    ]
  },
  {
    id: "munchies",
    labels: ["meal_late_night", "meal_snack"],
    weight: 3,
    when: ["night"],
    phrasings: [
      "it's 1am and I'm starving",
      "can't sleep and the fridge is calling",
      "midnight hunger hit hard, what can I make quietly",
      "gaming all night, need something to nibble"
    ]
  },
  {
    id: "sweet_tooth",
    labels: ["sensory_sweet", "meal_dessert"],
    weight: 3,
    when: ["afternoon", "evening"],
    phrasings: [
      "need something sweet after {meal}",
      "chocolate emergency",
      "craving dessert badly, anything with caramel",
      "my sugar cravings are out of control {when}"
    ]
  },
  {
    id: "heat_seeker",
    labels: ["sensory_spicy"],
    weight: 2,
    phrasings: [
      "want something that makes my nose run, the hotter the better",
      "bring on the chili, I want to sweat",
      "craving real heat, not the mild stuff"
    ]
  },
  {
    id: "crunch",
    labels: ["sensory_crunchy", "meal_snack"],
    weight: 2,
    when: ["afternoon", "evening"],
    phrasings: [
      "want something with a good crunch to munch on",
      "need a crispy snack for the movie",
      "craving crunchy stuff, not chips though"
    ]
  },
  {
    id: "creamy",
    labels: ["sensory_creamy", "goal_comfort"],
    weight: 2,
    phrasings: [
      "want something rich and creamy and soft",
      "in the mood for something velvety and comforting",
      "craving a creamy bowl of something {when}"
    ]
  },
  {
    id: "overate",
    labels: ["goal_light"],
    weight: 2,
    phrasings: [
      "ate way too much at the wedding yesterday",
      "still stuffed from the buffet, something small",
      "overdid it yesterday, keep {meal} tiny"
    ]
  },
  {
    id: "rushed_breakfast",
    labels: ["meal_breakfast", "goal_quick"],
    weight: 3,
    when: ["morning"],
    phrasings: [
      "running late, grab-and-go breakfast",
      "overslept, need breakfast in five minutes",
      "school run chaos, what's a fast morning bite"
    ]
  },
  {
    id: "slow_brunch",
    labels: ["meal_breakfast", "social_couple"],
    weight: 2,
    when: ["morning", "midday"],
    phrasings: [
      "lazy saturday brunch with my partner",
      "long weekend breakfast for the two of us",
      "slow morning with my girlfriend, what should we cook"
    ]
  },
  {
    id: "flu",
    labels: ["health_sick", "goal_comfort"],
    weight: 3,
    phrasings: [
      "sore throat and a stuffy nose, feeling awful",
      "home with the flu, everything aches",
      "caught a cold from the kids, what's good when you're ill",
      "running a temperature, need something gentle"
    ]
  },
  {
    id: "upset_stomach",
    labels: ["health_sick", "goal_light"],
    weight: 2,
    phrasings: [
      "stomach's upset, something easy to digest",
      "queasy since this morning, bland food ideas",
      "tummy bug, what can I keep down"
    ]
  },
  {
    id: "hangover",
    labels: ["health_hangover"],
    weight: 2,
    when: ["morning", "midday"],
    phrasings: [
      "tequila shots were a bad idea, skull is splitting",
      "office party was a mistake, I'm dying",
      "rough morning after the stag do",
      "wine hangover, need rescuing"
    ]
  }
];

// src/simulate/phrase-bank/summer.ts
var SUMMER_SITUATIONS = [
  {
    id: "heatwave",
    labels: ["weather_hot", "sensory_refreshing", "goal_hydration"],
    season: "hot",
    weight: 5,
    phrasings: [
      "heatwave, 38 degrees and the AC just died",
      "melting in this heat, need something icy",
      "it's like an oven in my flat, cold food only",
      "sun is brutal {when}, I need to cool down"
    ]
  },
  {
    id: "beach_day",
    labels: ["weather_hot", "goal_light", "sensory_refreshing"],
    season: "hot",
    weight: 3,
    phrasings: ["back from the beach, sunburnt and hungry", "picnic by the lake, something light to pack", "pool day, what travels well"]
  },
  {
    id: "festival_recovery",
    labels: ["health_hangover", "goal_hydration"],
    season: "hot",
    weight: 3,
    phrasings: [
      "three days of festival and my body is begging for mercy",
      "dehydrated after the open air concert",
      "survived the rave, need electrolytes and food"
    ]
  },
  {
    id: "bbq",
    labels: ["occasion_party", "social_group", "weather_hot"],
    season: "hot",
    weight: 3,
    phrasings: ["backyard bbq for the neighbours, it's boiling", "grill party saturday in the heat, sides?", "rooftop barbecue with {who}"]
  },
  {
    id: "burnout",
    labels: ["emotion_tired", "emotion_stressed"],
    weight: 3,
    phrasings: [
      "completely burnt out, cancelled every plan",
      "running on empty, work drained everything out of me",
      "burnout is real, I can't think about food"
    ]
  },
  {
    id: "hay_fever",
    labels: ["health_sick"],
    season: "hot",
    weight: 2,
    phrasings: ["hay fever is destroying me, eyes streaming", "pollen count is insane, I feel rubbish"]
  },
  {
    id: "frozen_treat",
    labels: ["sensory_sweet", "meal_dessert", "weather_hot"],
    season: "hot",
    weight: 3,
    when: ["afternoon", "evening"],
    phrasings: ["want something frozen and sweet", "popsicle weather, what dessert", "need an ice cold treat right now"]
  },
  {
    id: "road_trip",
    labels: ["goal_quick", "meal_snack", "social_group"],
    weight: 2,
    when: ["morning", "midday"],
    phrasings: ["driving to the coast with the crew, car snacks needed", "long drive to the coast, what do we pack"]
  }
];

// src/simulate/prng.ts
function createRng(seed) {
  return fromState(String(seed));
}
function fromState(seedText) {
  const next = sfc32(...cyrb128(seedText));
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)];
    },
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    fork: (label) => fromState(`${seedText}/${label}`)
  };
  return rng;
}
function weightedPick(rng, items, weight) {
  let total = 0;
  for (let i = 0; i < items.length; i++) total += weight(items[i], i);
  let r = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    r -= weight(item, i);
    if (r < 0) return item;
  }
  for (let i = items.length - 1; i >= 0; i--) if (weight(items[i], i) > 0) return items[i];
  throw new Error("weightedPick needs at least one positive weight");
}
function cyrb128(text2) {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text2.length; i++) {
    const k = text2.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ h1 >>> 18, 597399067);
  h2 = Math.imul(h4 ^ h2 >>> 22, 2869860233);
  h3 = Math.imul(h1 ^ h3 >>> 17, 951274213);
  h4 = Math.imul(h2 ^ h4 >>> 19, 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
function sfc32(a, b, c, d) {
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (a + b | 0) + d | 0;
    d = d + 1 | 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) | 0;
    c = c << 21 | c >>> 11;
    c = c + t | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

// src/simulate/query-mix.ts
var BASE_SITUATIONS = [...MOOD_SITUATIONS, ...NEED_SITUATIONS, ...COMPANY_AND_WEATHER_SITUATIONS];
var ALL_SITUATIONS = [...BASE_SITUATIONS, ...SUMMER_SITUATIONS];
var OFF_HOURS_WEIGHT = 0.08;
function situationWeight(situation, part, era) {
  if (era === "stationary" && SUMMER_SITUATIONS.includes(situation)) return 0;
  const timing = !situation.when || situation.when.includes(part) ? 1 : OFF_HOURS_WEIGHT;
  return situation.weight * timing * seasonWeight(situation.season ?? "any", era);
}
var weightTables = /* @__PURE__ */ new Map();
function pickSituation(rng, part, era) {
  const key = `${part}/${era}`;
  let weights = weightTables.get(key);
  if (!weights) {
    weights = ALL_SITUATIONS.map((s) => situationWeight(s, part, era));
    weightTables.set(key, weights);
  }
  const table = weights;
  return weightedPick(rng, ALL_SITUATIONS, (_, i) => table[i] ?? 0);
}

// src/simulate/time-of-day.ts
var HOUR_MS = 36e5;
var DAY_MS = 24 * HOUR_MS;
var MEAL_PEAKS = [
  { hour: 8, spreadHours: 0.9, share: 0.14 },
  { hour: 12.6, spreadHours: 0.8, share: 0.26 },
  { hour: 16, spreadHours: 1, share: 0.08 },
  { hour: 19.3, spreadHours: 1.1, share: 0.3 },
  { hour: 23.3, spreadHours: 1.2, share: 0.08 }
];
var BACKGROUND_SHARE = 0.14;
var BACKGROUND = { hour: Number.NaN, spreadHours: 0, share: BACKGROUND_SHARE };
function sampleTimeOfDay(rng) {
  const peak = weightedPick(rng, [...MEAL_PEAKS, BACKGROUND], (p) => p.share);
  if (peak === BACKGROUND) return Math.floor(rng.next() * DAY_MS);
  const hour = peak.hour + rng.normal() * peak.spreadHours;
  return Math.floor((hour * HOUR_MS % DAY_MS + DAY_MS) % DAY_MS);
}
function dayPartAt(msIntoDay) {
  const hour = msIntoDay / HOUR_MS;
  if (hour >= 5 && hour < 11) return "morning";
  if (hour >= 11 && hour < 15) return "midday";
  if (hour >= 15 && hour < 18) return "afternoon";
  if (hour >= 18 && hour < 22) return "evening";
  return "night";
}

// src/simulate/day-plan.ts
var USERS = 600;
function planDay(spec, rng) {
  const offsets = Array.from({ length: spec.count }, () => sampleTimeOfDay(rng)).sort((a, b) => a - b);
  return offsets.map((offset) => {
    const part = dayPartAt(offset);
    const situation = pickSituation(rng, part, spec.era);
    const { text: text2, intended } = composeQuery(situation, part, rng);
    const user = Math.floor(USERS * rng.next() ** 2);
    return {
      at: spec.start + offset,
      day: spec.day,
      situationId: situation.id,
      text: text2,
      intended,
      userId: `sim-user-${String(user).padStart(4, "0")}`,
      sessionId: `sim-${spec.day}-${user}-${part}`
    };
  });
}

// src/simulate/run-simulate.ts
import { performance as performance3 } from "node:perf_hooks";

// src/feedback/comment-score.ts
var cached3;
async function loadCommentScorer() {
  if (cached3) return cached3;
  const { default: Sentiment } = await import("sentiment");
  const analyzer = new Sentiment();
  cached3 = (comment) => analyzer.analyze(comment).score;
  return cached3;
}

// src/feedback/build-feedback.ts
import { randomUUID } from "node:crypto";

// src/feedback/sentiment.ts
var COMMENT_DECIDES_NEUTRAL = 2;
var COMMENT_CONTRADICTS_RATING = 3;
function explicitSentiment(rating, commentScore = null, thumbs = null) {
  const base = rating >= 4 ? "positive" : rating <= 2 ? "negative" : "neutral";
  if (commentScore !== null) {
    if (base === "neutral" && commentScore >= COMMENT_DECIDES_NEUTRAL) return "positive";
    if (base === "neutral" && commentScore <= -COMMENT_DECIDES_NEUTRAL) return "negative";
    if (base === "positive" && commentScore <= -COMMENT_CONTRADICTS_RATING) return "neutral";
    if (base === "negative" && commentScore >= COMMENT_CONTRADICTS_RATING) return "neutral";
  }
  if (base === "neutral" && thumbs) return thumbs === "up" ? "positive" : "negative";
  return base;
}
var SIGNAL_SENTIMENT = {
  accept: "positive",
  click: "positive",
  share: "positive",
  re_query: "negative",
  skip: "negative",
  modify: "neutral"
};
function implicitSentiment(signal) {
  return SIGNAL_SENTIMENT[signal];
}

// src/feedback/types.ts
var IMPLICIT_SIGNALS = ["re_query", "skip", "accept", "modify", "click", "share"];

// src/feedback/validate-feedback.ts
var MAX_COMMENT_CHARS = 2e3;
function parseRating(value) {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    throw new UsageError("invalid_rating", `Rating ${JSON.stringify(value)} is invalid: give a whole number from 1 to 5.`);
  }
  return n;
}
function parseSignal(value) {
  if (typeof value === "string" && IMPLICIT_SIGNALS.includes(value)) return value;
  throw new UsageError("invalid_signal", `Signal ${JSON.stringify(value)} is unknown: use one of ${IMPLICIT_SIGNALS.join(", ")}.`);
}
function parseThumbs(value) {
  if (value === void 0 || value === null || value === "") return null;
  if (value === "up" || value === "down") return value;
  throw new UsageError("invalid_thumbs", `Thumbs ${JSON.stringify(value)} is invalid: use up or down.`);
}
function cleanComment(value) {
  if (value === void 0 || value === null) return null;
  if (typeof value !== "string") throw new UsageError("invalid_comment", "The comment must be text.");
  const text2 = stripControlCharacters(value);
  if (text2.length > MAX_COMMENT_CHARS) {
    throw new UsageError("comment_too_long", `The comment is ${text2.length} characters; the limit is ${MAX_COMMENT_CHARS}. Shorten it.`);
  }
  return text2 === "" ? null : text2;
}

// src/feedback/build-feedback.ts
function explicitFeedbackRecord(trace, input, at, scoreComment) {
  const rating = parseRating(input.rating);
  const thumbs = parseThumbs(input.thumbs);
  const comment = cleanComment(input.comment);
  if (comment !== null && !scoreComment) throw new Error("explicitFeedbackRecord: a comment needs a scorer");
  const commentScore = comment !== null && scoreComment ? scoreComment(comment) : null;
  return {
    ...common(trace, input, at),
    type: "explicit",
    rating,
    thumbs,
    comment,
    signal: null,
    sentiment: explicitSentiment(rating, commentScore, thumbs)
  };
}
function implicitFeedbackRecord(trace, input, at) {
  const signal = parseSignal(input.signal);
  return {
    ...common(trace, input, at),
    type: "implicit",
    rating: null,
    thumbs: null,
    comment: null,
    signal,
    sentiment: implicitSentiment(signal)
  };
}
function common(trace, input, at) {
  return {
    feedback_id: randomUUID(),
    trace_id: trace.trace_id,
    created_at: at,
    model_version: trace.model_version,
    user_id: input.userId ?? trace.user_id,
    session_id: input.sessionId ?? trace.session_id
  };
}

// src/feedback/feedback-rollup.ts
function feedbackCounter(record) {
  return {
    name: "moodfood_user_feedback_total",
    labels: { type: record.type, sentiment: record.sentiment, model_version: record.model_version ?? "none" },
    value: 1
  };
}

// src/feedback/record-feedback.ts
function storeFeedback(store, records) {
  if (records.length === 0) return;
  store.transaction(() => {
    for (const record of records) {
      store.feedback.insert(record);
      store.rollups.apply([feedbackCounter(record)], [], record.created_at);
    }
  });
}

// src/store/feedback-queries.ts
var COLUMNS = "feedback_id, trace_id, created_at, type, rating, thumbs, comment, signal, sentiment, model_version, user_id, session_id";
var PLACEHOLDERS = COLUMNS.split(", ").map((c) => `@${c}`).join(", ");
function feedbackQueries(db) {
  const insert = db.prepare(`INSERT INTO feedback (${COLUMNS}) VALUES (${PLACEHOLDERS})`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE feedback_id = ?`);
  const byTrace = db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE trace_id = ? ORDER BY created_at, id`);
  const inRange = db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id`);
  return {
    insert(record) {
      insert.run(record);
    },
    get(feedbackId) {
      return byId.get(feedbackId);
    },
    forTrace(traceId) {
      return byTrace.all(traceId);
    },
    /** Feedback created in [since, until), oldest first. */
    between(since, until) {
      return inRange.all(since, until);
    }
  };
}

// src/store/drift-queries.ts
function driftQueries(db) {
  const samples = db.prepare(
    "SELECT confidence, labels, final_decision, agreement FROM traces WHERE started_at >= ? AND started_at < ? AND status = 'ok' AND model_version = ?"
  );
  const feedback = db.prepare(
    "SELECT sentiment, count(*) AS n FROM feedback WHERE created_at >= ? AND created_at < ? AND model_version = ? GROUP BY sentiment"
  );
  const insertCheck = db.prepare(
    "INSERT INTO drift_checks (checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result) VALUES (@checked_at, @window_start, @window_end, @baseline, @model_version, @overall_score, @severity, @result)"
  );
  const latestCheck = db.prepare("SELECT * FROM drift_checks ORDER BY checked_at DESC, id DESC LIMIT 1");
  const openAlertOfType = db.prepare("SELECT * FROM drift_alerts WHERE type = ? AND status != 'resolved' ORDER BY opened_at DESC LIMIT 1");
  const insertAlert = db.prepare(
    "INSERT INTO drift_alerts (alert_id, type, severity, status, opened_at, updated_at, model_version, score, threshold, details) VALUES (@alert_id, @type, @severity, 'open', @opened_at, @updated_at, @model_version, @score, @threshold, @details)"
  );
  const updateAlert = db.prepare("UPDATE drift_alerts SET severity = ?, score = ?, details = ?, updated_at = ? WHERE alert_id = ?");
  const resolveAlert = db.prepare("UPDATE drift_alerts SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE alert_id = ?");
  const ackAlert = db.prepare("UPDATE drift_alerts SET status = 'acknowledged', acknowledged_at = ?, updated_at = ? WHERE alert_id = ? AND status = 'open'");
  const alertById = db.prepare("SELECT * FROM drift_alerts WHERE alert_id = ?");
  const alertsByPrefix = db.prepare("SELECT * FROM drift_alerts WHERE alert_id LIKE ? ESCAPE '\\' LIMIT 5");
  const listAlerts = db.prepare("SELECT * FROM drift_alerts WHERE (? OR status != 'resolved') ORDER BY opened_at DESC LIMIT ?");
  return {
    samples(start, end, modelVersion) {
      return samples.all(start, end, modelVersion);
    },
    feedbackCounts(start, end, modelVersion) {
      const rows = feedback.all(start, end, modelVersion);
      return Object.fromEntries(rows.map((r) => [r.sentiment, r.n]));
    },
    insertCheck(row) {
      insertCheck.run(row);
    },
    latestCheck() {
      return latestCheck.get();
    },
    openAlert(type) {
      return openAlertOfType.get(type);
    },
    insertAlert(row) {
      insertAlert.run(row);
    },
    updateAlert(alertId, severity, score, details, at) {
      updateAlert.run(severity, score, details, at, alertId);
    },
    resolveAlert(alertId, at) {
      resolveAlert.run(at, at, alertId);
    },
    acknowledgeAlert(alertId, at) {
      return ackAlert.run(at, at, alertId).changes === 1;
    },
    findAlerts(idOrPrefix) {
      const exact = alertById.get(idOrPrefix);
      if (exact) return [exact];
      return alertsByPrefix.all(`${idOrPrefix.replace(/[\\%_]/g, "\\$&")}%`);
    },
    listAlerts(includeResolved, limit) {
      return listAlerts.all(includeResolved ? 1 : 0, limit);
    }
  };
}

// src/store/trace-rows.ts
var TRACE_COLUMNS = "trace_id, root_span_id, started_at, ended_at, duration_ms, status, query, labels, confidence, final_decision, model_version, request_id, user_id, session_id, error, spans, recommendations, agreement";
function toRow(trace) {
  return {
    ...trace,
    labels: JSON.stringify(trace.labels),
    spans: JSON.stringify(trace.spans.map(compactSpan)),
    recommendations: JSON.stringify(trace.recommendations),
    agreement: trace.agreement === null ? null : Number(trace.agreement)
  };
}
function fromRow(row) {
  return {
    ...row,
    labels: JSON.parse(row.labels),
    spans: JSON.parse(row.spans).map(expandSpan),
    recommendations: JSON.parse(row.recommendations),
    agreement: row.agreement === null ? null : row.agreement === 1
  };
}
function compactSpan(span) {
  const compact = { i: span.span_id, p: span.parent_span_id, n: span.name, o: round3(span.start_offset_ms), d: round3(span.duration_ms), s: span.status };
  if (Object.keys(span.attributes).length > 0) compact.a = span.attributes;
  if (span.error) compact.e = span.error;
  return compact;
}
function expandSpan(c) {
  return { span_id: c.i, parent_span_id: c.p, name: c.n, start_offset_ms: c.o, duration_ms: c.d, status: c.s, attributes: c.a ?? {}, error: c.e ?? null };
}
var round3 = (ms) => Math.round(ms * 1e3) / 1e3;

// src/store/interop-queries.ts
var FEEDBACK_COLUMNS = "feedback_id, trace_id, created_at, type, rating, thumbs, comment, signal, sentiment, model_version, user_id, session_id";
var DRIFT_CHECK_COLUMNS = "checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result";
var DRIFT_ALERT_COLUMNS = "alert_id, type, severity, status, opened_at, updated_at, acknowledged_at, resolved_at, model_version, score, threshold, details";
var params = (columns) => columns.replace(/(^|, )/g, "$1@");
function lazy(make) {
  let value;
  return () => value ??= make();
}
function interopQueries(db) {
  const traces = lazy(() => db.prepare(`SELECT ${TRACE_COLUMNS} FROM traces ORDER BY started_at, id`));
  const feedback = lazy(
    () => db.prepare(
      `SELECT ${FEEDBACK_COLUMNS.replace(/(^|, )/g, "$1f.")}, t.query AS trace_query, t.recommendations AS trace_recommendations
     FROM feedback f LEFT JOIN traces t ON t.trace_id = f.trace_id ORDER BY f.created_at, f.id`
    )
  );
  const feedbackDays = lazy(
    () => db.prepare(
      `SELECT model_version, created_at / 86400000 AS day, MAX(created_at) AS last_at, COUNT(*) AS total,
       SUM(sentiment = 'positive') AS positive, SUM(sentiment = 'negative') AS negative, SUM(sentiment = 'neutral') AS neutral,
       COALESCE(SUM(CASE WHEN type = 'explicit' THEN rating END), 0) AS rating_sum, COUNT(CASE WHEN type = 'explicit' THEN rating END) AS rating_count
     FROM feedback GROUP BY model_version, day ORDER BY model_version, day`
    )
  );
  const driftChecks = lazy(() => db.prepare(`SELECT ${DRIFT_CHECK_COLUMNS} FROM drift_checks ORDER BY checked_at, id`));
  const driftAlerts = lazy(() => db.prepare(`SELECT ${DRIFT_ALERT_COLUMNS} FROM drift_alerts ORDER BY opened_at, id`));
  const insertTrace = lazy(
    () => db.prepare(`INSERT INTO traces (${TRACE_COLUMNS}) VALUES (${params(TRACE_COLUMNS)}) ON CONFLICT(trace_id) DO NOTHING`)
  );
  const insertFeedback = lazy(
    () => db.prepare(`INSERT INTO feedback (${FEEDBACK_COLUMNS}) VALUES (${params(FEEDBACK_COLUMNS)}) ON CONFLICT(feedback_id) DO NOTHING`)
  );
  const findDriftCheck = lazy(
    () => db.prepare("SELECT 1 FROM drift_checks WHERE checked_at = ? AND model_version IS ? AND baseline = ? LIMIT 1")
  );
  const insertDriftCheck = lazy(
    () => db.prepare(`INSERT INTO drift_checks (${DRIFT_CHECK_COLUMNS}) VALUES (${params(DRIFT_CHECK_COLUMNS)})`)
  );
  const insertDriftAlert = lazy(
    () => db.prepare(
      `INSERT INTO drift_alerts (${DRIFT_ALERT_COLUMNS}) VALUES (${params(DRIFT_ALERT_COLUMNS)}) ON CONFLICT(alert_id) DO NOTHING`
    )
  );
  const fillQuery = lazy(() => db.prepare("UPDATE traces SET query = ? WHERE trace_id = ? AND query = ''"));
  const fillRecommendations = lazy(() => db.prepare("UPDATE traces SET recommendations = ? WHERE trace_id = ? AND recommendations = '[]'"));
  return {
    /** One read snapshot for the whole export, without taking the write lock (queries keep running). */
    readSnapshot(fn) {
      return db.transaction(fn).deferred();
    },
    iterateTraces: () => traces().iterate(),
    iterateFeedback: () => feedback().iterate(),
    feedbackDays: () => feedbackDays().all(),
    iterateDriftChecks: () => driftChecks().iterate(),
    iterateDriftAlerts: () => driftAlerts().iterate(),
    /** False when a trace with this id is already stored. */
    insertTraceIfAbsent: (trace) => insertTrace().run(toRow(trace)).changes === 1,
    insertFeedbackIfAbsent: (row) => insertFeedback().run(row).changes === 1,
    insertDriftCheckIfAbsent(row) {
      if (findDriftCheck().get(row.checked_at, row.model_version, row.baseline)) return false;
      insertDriftCheck().run(row);
      return true;
    },
    insertDriftAlertIfAbsent: (row) => insertDriftAlert().run(row).changes === 1,
    /** Original feedback lines carry the query; fill it into a trace that lacks one (the original traces.jsonl has none). */
    fillTraceQuery(traceId, query, recommendations) {
      if (query) fillQuery().run(query, traceId);
      if (recommendations.length > 0) fillRecommendations().run(JSON.stringify(recommendations), traceId);
    }
  };
}

// src/store/meta-queries.ts
function metaQueries(db) {
  const get = db.prepare("SELECT value, updated_at FROM meta WHERE key = ?");
  const set = db.prepare("INSERT OR REPLACE INTO meta (key, value, updated_at) VALUES (?, ?, ?)");
  return {
    get(key) {
      const row = get.get(key);
      return row && { value: JSON.parse(row.value), updatedAt: row.updated_at };
    },
    set(key, value, at) {
      set.run(key, JSON.stringify(value), at);
    }
  };
}

// src/store/model-queries.ts
function modelQueries(db) {
  const insert = db.prepare("INSERT OR REPLACE INTO models (version, header, weights, created_at, active) VALUES (?, ?, ?, ?, 0)");
  const list = db.prepare("SELECT version, header, created_at, active FROM models ORDER BY created_at DESC");
  const get = db.prepare("SELECT version, header, weights, created_at, active FROM models WHERE version = ?");
  const active = db.prepare("SELECT version, header, weights, created_at, active FROM models WHERE active = 1");
  const clear = db.prepare("UPDATE models SET active = 0 WHERE active = 1");
  const activate = db.prepare("UPDATE models SET active = 1 WHERE version = ?");
  const toModel = (r) => ({ version: r.version, header: r.header, weights: r.weights, createdAt: r.created_at, active: r.active === 1 });
  return {
    save(version, header, weights, at) {
      insert.run(version, header, weights, at);
    },
    list() {
      return list.all().map((r) => ({ version: r.version, header: r.header, createdAt: r.created_at, active: r.active === 1 }));
    },
    get(version) {
      const row = get.get(version);
      return row && toModel(row);
    },
    /** The promoted model, or undefined when the shipped one is in use. */
    active() {
      const row = active.get();
      return row && toModel(row);
    },
    /** Makes one version active; undefined means "back to the shipped model". */
    activate(version) {
      db.transaction(() => {
        clear.run();
        if (version) activate.run(version);
      }).immediate();
    }
  };
}

// src/store/open-store.ts
import { mkdirSync as mkdirSync2 } from "node:fs";
import { join as join4 } from "node:path";
import Database from "better-sqlite3";

// src/store/migrations.ts
var MIGRATIONS = [
  `
  CREATE TABLE traces (
    id INTEGER PRIMARY KEY,
    trace_id TEXT NOT NULL UNIQUE,
    root_span_id TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    duration_ms REAL,
    status TEXT NOT NULL,
    query TEXT NOT NULL,
    labels TEXT NOT NULL DEFAULT '[]',
    confidence REAL,
    final_decision TEXT,
    model_version TEXT,
    request_id TEXT NOT NULL,
    user_id TEXT,
    session_id TEXT,
    error TEXT,
    spans TEXT NOT NULL DEFAULT '[]',
    recommendations TEXT NOT NULL DEFAULT '[]',
    agreement INTEGER
  );
  CREATE INDEX traces_started_at ON traces(started_at);
  -- Partial index: the abandoned-trace sweep touches only the few active rows.
  CREATE INDEX traces_active ON traces(started_at) WHERE status = 'active';

  -- Metric rollups, written in the same transaction as the trace; hour -1 holds all-time totals.
  CREATE TABLE counter_rollups (
    name TEXT NOT NULL,
    labels TEXT NOT NULL,
    hour INTEGER NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (name, hour, labels)
  ) WITHOUT ROWID;
  CREATE TABLE histogram_rollups (
    name TEXT NOT NULL,
    labels TEXT NOT NULL,
    hour INTEGER NOT NULL,
    count INTEGER NOT NULL,
    sum REAL NOT NULL,
    buckets TEXT NOT NULL,
    exemplar_trace_id TEXT,
    exemplar_value REAL,
    exemplar_at INTEGER,
    PRIMARY KEY (name, hour, labels)
  ) WITHOUT ROWID;

  -- Small shared state between processes: circuit breaker, cached gauges, sweep times.
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE models (
    version TEXT PRIMARY KEY,
    header TEXT NOT NULL,
    weights BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    feedback_id TEXT NOT NULL UNIQUE,
    trace_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    type TEXT NOT NULL,
    rating INTEGER,
    thumbs TEXT,
    comment TEXT,
    signal TEXT,
    sentiment TEXT NOT NULL,
    model_version TEXT,
    user_id TEXT,
    session_id TEXT
  );
  CREATE INDEX feedback_created_at ON feedback(created_at);
  CREATE INDEX feedback_trace_id ON feedback(trace_id);

  CREATE TABLE drift_checks (
    id INTEGER PRIMARY KEY,
    checked_at INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    window_end INTEGER NOT NULL,
    baseline TEXT NOT NULL,
    model_version TEXT,
    overall_score REAL,
    severity TEXT NOT NULL,
    result TEXT NOT NULL
  );
  CREATE INDEX drift_checks_checked_at ON drift_checks(checked_at);

  CREATE TABLE drift_alerts (
    id INTEGER PRIMARY KEY,
    alert_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    severity TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    resolved_at INTEGER,
    model_version TEXT,
    score REAL,
    threshold REAL,
    details TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX drift_alerts_open ON drift_alerts(type) WHERE status != 'resolved';
  `
];

// src/store/open-store.ts
var STORE_FILE = "moodfood.db";
var BUSY_TIMEOUT_MS = 15e3;
function openDatabase(dataDir) {
  const path = dataDir === ":memory:" ? ":memory:" : join4(dataDir, STORE_FILE);
  let db;
  try {
    if (dataDir !== ":memory:") mkdirSync2(dataDir, { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma("auto_vacuum = INCREMENTAL");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db);
  } catch (error) {
    throw storeError(error, path);
  }
  return db;
}
function migrate(db) {
  const current = () => db.pragma("user_version", { simple: true });
  if (current() >= MIGRATIONS.length) return;
  db.transaction(() => {
    const version = current();
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]);
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
function storeError(error, path) {
  const code = error.code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new UserError("store_corrupt", `${path} is not a readable moodfood database (corrupt?); restore a backup or move it aside.`);
  }
  if (code === "SQLITE_READONLY" || code === "SQLITE_CANTOPEN" || code === "EACCES" || code === "EROFS" || code === "EPERM") {
    return new UserError("store_unwritable", `Cannot open ${path} for writing (${code}); check the data dir or pass --data-dir.`);
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC") {
    return new UserError("store_full", `No space left to write ${path}; free disk space or move the data dir.`);
  }
  return error instanceof Error ? error : new Error(message);
}

// src/store/rollup-queries.ts
var ALL_TIME = -1;
var HOUR_MS2 = 36e5;
function labelKey(labels) {
  return JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a < b ? -1 : 1)));
}
function rowsOfHour(table, columns) {
  return `WITH RECURSIVE names(name) AS (
      SELECT MIN(name) FROM ${table}
      UNION ALL
      SELECT (SELECT MIN(name) FROM ${table} WHERE name > names.name) FROM names WHERE names.name IS NOT NULL
    )
    SELECT ${columns} FROM names JOIN ${table} AS r ON r.name = names.name AND r.hour = ?`;
}
function rollupQueries(db) {
  const addCounter = db.prepare(
    "INSERT INTO counter_rollups (name, labels, hour, value) VALUES (?, ?, ?, ?) ON CONFLICT(name, hour, labels) DO UPDATE SET value = value + excluded.value"
  );
  const readHistogram = db.prepare("SELECT count, sum, buckets FROM histogram_rollups WHERE name = ? AND hour = ? AND labels = ?");
  const writeHistogram = db.prepare(
    `INSERT OR REPLACE INTO histogram_rollups (name, labels, hour, count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const counterTotals = db.prepare(rowsOfHour("counter_rollups", "r.name, r.labels, r.value"));
  const histogramTotals = db.prepare(
    rowsOfHour("histogram_rollups", "r.name, r.labels, r.count, r.sum, r.buckets, r.exemplar_trace_id, r.exemplar_value, r.exemplar_at")
  );
  function observe(o, hour) {
    const key = labelKey(o.labels);
    const row = readHistogram.get(o.name, hour, key);
    const buckets = row ? JSON.parse(row.buckets) : new Array(o.bucketCount).fill(0);
    buckets[o.bucketIndex] = (buckets[o.bucketIndex] ?? 0) + 1;
    writeHistogram.run(o.name, key, hour, (row?.count ?? 0) + 1, (row?.sum ?? 0) + o.value, JSON.stringify(buckets), o.exemplarTraceId ?? null, o.exemplarTraceId ? o.value : null, o.exemplarTraceId ? o.at : null);
  }
  return {
    /** Must run inside the caller's transaction, next to the trace write. */
    apply(counters, histograms, at) {
      const hour = Math.floor(at / HOUR_MS2);
      for (const c of counters) {
        const key = labelKey(c.labels);
        addCounter.run(c.name, key, hour, c.value);
        addCounter.run(c.name, key, ALL_TIME, c.value);
      }
      for (const h of histograms) {
        observe(h, hour);
        observe(h, ALL_TIME);
      }
    },
    counterTotals() {
      return counterTotals.all(ALL_TIME).map((r) => ({
        name: r.name,
        labels: JSON.parse(r.labels),
        value: r.value
      }));
    },
    histogramTotals() {
      return histogramTotals.all(ALL_TIME).map((r) => ({
        name: r.name,
        labels: JSON.parse(r.labels),
        count: r.count,
        sum: r.sum,
        buckets: JSON.parse(r.buckets),
        exemplar: r.exemplar_trace_id ? { traceId: r.exemplar_trace_id, value: r.exemplar_value ?? 0, at: r.exemplar_at ?? 0 } : void 0
      }));
    }
  };
}

// src/store/trace-queries.ts
var PLACEHOLDERS2 = TRACE_COLUMNS.split(", ").map((c) => `@${c}`).join(", ");
function traceQueries(db) {
  const insert = db.prepare(`INSERT INTO traces (${TRACE_COLUMNS}) VALUES (${PLACEHOLDERS2})`);
  const complete = db.prepare(
    `INSERT INTO traces (${TRACE_COLUMNS}) VALUES (${PLACEHOLDERS2})
     ON CONFLICT(trace_id) DO UPDATE SET ended_at = excluded.ended_at, duration_ms = excluded.duration_ms,
       status = excluded.status, labels = excluded.labels, confidence = excluded.confidence,
       final_decision = excluded.final_decision, model_version = excluded.model_version, error = excluded.error,
       spans = excluded.spans, recommendations = excluded.recommendations, agreement = excluded.agreement`
  );
  const byId = db.prepare(`SELECT ${TRACE_COLUMNS} FROM traces WHERE trace_id = ?`);
  const byPrefix = db.prepare(`SELECT ${TRACE_COLUMNS} FROM traces WHERE trace_id >= ? AND trace_id < ? ORDER BY trace_id LIMIT ?`);
  const markAbandoned = db.prepare(`UPDATE traces SET status = 'abandoned' WHERE status = 'active' AND started_at < ?`);
  const deleteChunk = db.prepare("DELETE FROM traces WHERE id IN (SELECT id FROM traces WHERE started_at < ? ORDER BY started_at LIMIT 5000)");
  const count = db.prepare("SELECT count(*) AS n FROM traces");
  return {
    insertActive(trace) {
      insert.run(toRow(trace));
    },
    /** Upserts the finished trace (a batch writer may never have written it active). */
    upsertCompleted(trace) {
      complete.run(toRow(trace));
    },
    get(traceId) {
      const row = byId.get(traceId);
      return row && fromRow(row);
    },
    /** Traces whose id starts with a lowercase hex prefix, at most `limit`. */
    findByPrefix(prefix, limit) {
      const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      return byPrefix.all(prefix, upper, limit).map(fromRow);
    },
    list(filter) {
      const { sql, params: params2 } = listQuery(filter);
      return db.prepare(sql).all(params2).map(fromRow);
    },
    /** Marks active traces that started before `cutoff` as abandoned; returns how many. */
    sweepAbandoned(cutoff) {
      return markAbandoned.run(cutoff).changes;
    },
    /** Deletes traces that started before `cutoff`; metric rollups are untouched. */
    deleteStartedBefore(cutoff) {
      let total = 0;
      for (; ; ) {
        const { changes } = db.transaction(() => deleteChunk.run(cutoff)).immediate();
        total += changes;
        if (changes === 0) return total;
      }
    },
    count() {
      return count.get().n;
    }
  };
}
function listQuery(filter) {
  const params2 = { ...filter, cutoff: filter.abandonedBefore ?? Number.NEGATIVE_INFINITY };
  const where = [
    filter.since !== void 0 && "started_at >= @since",
    filter.until !== void 0 && "started_at < @until",
    filter.status === "abandoned" && "(status = 'abandoned' OR (status = 'active' AND started_at < @cutoff))",
    filter.status === "active" && "status = 'active' AND started_at >= @cutoff",
    (filter.status === "ok" || filter.status === "error") && "status = @status",
    filter.decision !== void 0 && "final_decision = @decision",
    filter.minMs !== void 0 && "duration_ms >= @minMs",
    filter.modelVersion !== void 0 && "model_version = @modelVersion"
  ].filter((clause) => typeof clause === "string");
  const sql = `SELECT ${TRACE_COLUMNS} FROM traces ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY started_at DESC, id DESC LIMIT @limit`;
  const used = Object.fromEntries(Object.entries(params2).filter(([k, v]) => v !== void 0 && sql.includes(`@${k}`)));
  return { sql, params: used };
}

// src/store/store.ts
function openStore(dataDir) {
  return createStore(openDatabase(dataDir));
}
function createStore(db) {
  const traces = traceQueries(db);
  const rollups = rollupQueries(db);
  const meta = metaQueries(db);
  const models = modelQueries(db);
  const drift = driftQueries(db);
  const completeBatch = db.transaction((batch) => {
    for (const { trace, counters, histograms } of batch) {
      traces.upsertCompleted(trace);
      rollups.apply(counters, histograms, trace.ended_at ?? trace.started_at);
    }
  });
  const write = (fn) => {
    try {
      return fn();
    } catch (error) {
      throw storeError(error, db.name);
    }
  };
  return {
    db,
    traces,
    rollups,
    meta,
    models,
    feedback: feedbackQueries(db),
    drift,
    interop: interopQueries(db),
    startTrace(trace) {
      write(() => traces.insertActive(trace));
    },
    completeTraces(batch) {
      write(() => completeBatch.immediate(batch));
    },
    /** Runs fn in one IMMEDIATE transaction (takes the write lock up front: no mid-transaction SQLITE_BUSY). */
    transaction(fn) {
      return write(() => db.transaction(fn).immediate());
    },
    close() {
      if (db.open) db.close();
    }
  };
}

// src/simulate/failing-provider.ts
var OUTAGE_SHARE = 0.3;
var OUTAGE_MEAN_CALLS = 8;
var OUTAGE_FAILURE_P = 0.9;
var OUTAGE_REASONS = [
  ["http_5xx", 0.5],
  ["timeout", 0.4],
  ["network", 0.1]
];
var SCATTERED_REASONS = [
  ["timeout", 0.4],
  ["http_5xx", 0.25],
  ["invalid_output", 0.2],
  ["http_4xx", 0.1],
  ["network", 0.05]
];
var MESSAGES = {
  timeout: "LLM call exceeded its time budget (simulated)",
  http_5xx: "LLM endpoint answered 503 Service Unavailable (simulated)",
  http_4xx: "LLM endpoint answered 429 Too Many Requests (simulated)",
  network: "LLM endpoint unreachable: ECONNRESET (simulated)",
  invalid_output: "LLM answer was not the JSON the prompt asks for (simulated)"
};
function failingProvider(inner, rate, rng) {
  if (rate <= 0) return inner;
  const outageFailureP = Math.max(OUTAGE_FAILURE_P, rate);
  const outageShare = rate * OUTAGE_SHARE / outageFailureP;
  const scatteredP = Math.min(1, rate * (1 - OUTAGE_SHARE) / (1 - outageShare));
  const leaveP = 1 / OUTAGE_MEAN_CALLS;
  const enterP = outageShare * leaveP / (1 - outageShare);
  let inOutage = false;
  return {
    name: inner.name,
    model: inner.model,
    async parse(query, signal) {
      inOutage = inOutage ? !rng.chance(leaveP) : rng.chance(enterP);
      const fails = rng.chance(inOutage ? outageFailureP : scatteredP);
      if (!fails) return inner.parse(query, signal);
      const reason = weightedPick(rng, inOutage ? OUTAGE_REASONS : SCATTERED_REASONS, ([, w]) => w)[0];
      throw new LlmCallError(reason, MESSAGES[reason]);
    }
  };
}

// src/simulate/phrase-bank/comments.ts
var COMMENTS_BY_RATING = {
  5: [
    "perfect, exactly what I needed",
    "love this, great pick",
    "spot on, thank you!",
    "brilliant suggestions, made my night",
    "so good, the soup idea was amazing"
  ],
  4: ["pretty good picks", "nice, helpful list", "good ideas, will try the second one", "liked it, close enough"],
  3: ["ok I guess", "some good, some weird", "fine but a bit generic", "meh, not sure"],
  2: ["not really what I asked for", "boring suggestions", "disappointing, too generic", "missed the point of my mood"],
  1: ["terrible, ignored what I said", "awful picks, useless", "completely wrong, bad recommendations", "hate this, nothing fits"]
};

// src/simulate/simulated-feedback.ts
var EXPLICIT_SHARE = 0.35;
var COMMENT_RATE = 0.3;
var THUMBS_RATE = 0.3;
function answerQuality(intended, answer) {
  if (answer.decision === null || intended.length === 0) return 0;
  const got = new Set(answer.labels);
  const covered = intended.filter((l) => got.has(l)).length / intended.length;
  const primary = intended[0] !== void 0 && got.has(intended[0]) ? 1 : 0;
  const quality = 0.5 * covered + 0.5 * primary;
  return answer.decision === "default_fallback" ? quality * 0.5 : quality;
}
function simulateFeedback(query, answer, options, rng) {
  if (!rng.chance(options.rate)) return null;
  const quality = answerQuality(query.intended, answer);
  const who = { userId: query.userId, sessionId: query.sessionId };
  if (rng.chance(EXPLICIT_SHARE)) {
    const rating = Math.min(5, Math.max(1, Math.round(1.3 + 3.7 * quality + 0.7 * rng.normal())));
    const comment = rng.chance(COMMENT_RATE) ? rng.pick(COMMENTS_BY_RATING[rating]) : null;
    const thumbs = rng.chance(THUMBS_RATE) ? rating > 3 || rating === 3 && rng.chance(0.5) ? "up" : "down" : null;
    const at2 = Math.min(query.at + 6e4 + rng.next() * 40 * 6e4, options.now - 1);
    return explicitFeedbackRecord(answer.trace, { ...who, rating, comment, thumbs }, Math.floor(at2), options.scoreComment);
  }
  const at = Math.min(query.at + 3e3 - 4e4 * Math.log(1 - rng.next()), options.now - 1);
  return implicitFeedbackRecord(answer.trace, { ...who, signal: implicitSignal(quality, rng) }, Math.floor(at));
}
var GOOD = [
  ["accept", 0.5],
  ["click", 0.35],
  ["share", 0.1],
  ["modify", 0.05]
];
var SO_SO = [
  ["click", 0.3],
  ["modify", 0.35],
  ["accept", 0.15],
  ["re_query", 0.2]
];
var BAD = [
  ["re_query", 0.5],
  ["skip", 0.35],
  ["modify", 0.15]
];
function implicitSignal(quality, rng) {
  const table = quality >= 0.7 ? GOOD : quality >= 0.35 ? SO_SO : BAD;
  return weightedPick(rng, table, ([, w]) => w)[0];
}

// src/simulate/simulation-tally.ts
var emptyFeedbackCounts = () => ({ total: 0, explicit: 0, implicit: 0, positive: 0, neutral: 0, negative: 0 });
function newDayTally(day, start, era) {
  return {
    day,
    date: new Date(start).toISOString().slice(0, 10),
    era,
    queries: 0,
    errors: 0,
    decisions: {},
    llm_failures: {},
    feedback: emptyFeedbackCounts()
  };
}
function tallyTrace(tally, trace) {
  tally.queries++;
  if (trace.status !== "ok") tally.errors++;
  else if (trace.final_decision) bump(tally.decisions, trace.final_decision);
  const llm = trace.spans.find((s) => s.name === "llm_call");
  if (llm && llm.status === "error")
    bump(tally.llm_failures, String(llm.attributes["moodfood.llm.reason"] ?? llm.attributes["error.type"] ?? "unknown"));
}
function tallyFeedback(counts, record) {
  counts.total++;
  counts[record.type]++;
  counts[record.sentiment]++;
}
function addCounts(into, from) {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}
function bump(counts, key) {
  counts[key] = (counts[key] ?? 0) + 1;
}

// src/simulate/run-simulate.ts
var DAY_MS2 = 864e5;
async function runSimulate(options, deps) {
  checkOptions(options);
  const started = performance3.now();
  const scoreComment = await (deps.commentScorer ?? loadCommentScorer)();
  const breakerState = openStore(":memory:");
  try {
    const firstDay = Math.floor(deps.now / DAY_MS2) * DAY_MS2 - options.days * DAY_MS2;
    const tallies = await replayDays(options, deps, { firstDay, scoreComment, breakerState });
    return summarise(options, tallies, firstDay, performance3.now() - started);
  } finally {
    breakerState.close();
  }
}
async function replayDays(options, deps, { firstDay, scoreComment, breakerState }) {
  const { store } = deps;
  const batchSize = options.batchSize ?? 500;
  const root2 = createRng(options.seed);
  const feedbackRng = root2.fork("feedback");
  let clock = firstDay;
  let tally = newDayTally(1, firstDay, "stationary");
  let lastTrace = null;
  const batched = batchedStoreSink(store, batchSize);
  const failing = failingProvider(deps.pipeline.provider, options.llmFailureRate, root2.fork("llm"));
  const pipeline = {
    ...deps.pipeline,
    provider: withCircuitBreaker(failing, breakerState, () => clock),
    now: () => clock,
    sink: {
      started: () => {
      },
      ended: (trace) => {
        batched.ended(trace);
        tallyTrace(tally, trace);
        lastTrace = trace;
      }
    }
  };
  let feedback = [];
  const flush = () => {
    batched.flush();
    storeFeedback(store, feedback);
    feedback = [];
  };
  const tallies = [];
  const total = options.days * options.perDay;
  let done = 0;
  for (let day = 1; day <= options.days; day++) {
    const start = firstDay + (day - 1) * DAY_MS2;
    const era = eraOfDay(day, options.driftDay);
    tally = newDayTally(day, start, era);
    tallies.push(tally);
    for (const query of planDay({ day, start, count: options.perDay, era }, root2.fork(`day-${day}`))) {
      clock = query.at;
      lastTrace = null;
      try {
        await deps.runQuery({ text: query.text, userId: query.userId, sessionId: query.sessionId }, pipeline);
      } catch (error) {
        if (lastTrace === null) throw error;
      }
      const trace = lastTrace;
      if (trace === null) throw new Error("runQuery returned without ending its trace");
      const seen = { trace, labels: trace.labels, decision: trace.status === "ok" ? trace.final_decision : null };
      const record = simulateFeedback(query, seen, { rate: options.feedbackRate, now: deps.now, scoreComment }, feedbackRng);
      if (record) {
        feedback.push(record);
        tallyFeedback(tally.feedback, record);
        if (feedback.length >= batchSize) flush();
      }
      deps.onProgress?.(++done, total);
    }
  }
  flush();
  return tallies;
}
function summarise(options, tallies, firstDay, elapsed) {
  const decisions = {};
  const llmFailures = {};
  const feedback = emptyFeedbackCounts();
  for (const t of tallies) {
    addCounts(decisions, t.decisions);
    addCounts(llmFailures, t.llm_failures);
    addCounts(feedback, t.feedback);
  }
  return {
    seed: options.seed,
    days: options.days,
    per_day: options.perDay,
    drift_day: options.driftDay,
    from: new Date(firstDay).toISOString(),
    to: new Date(firstDay + options.days * DAY_MS2).toISOString(),
    queries: tallies.reduce((n, t) => n + t.queries, 0),
    errors: tallies.reduce((n, t) => n + t.errors, 0),
    decisions,
    llm_failures: llmFailures,
    feedback,
    per_day_counts: tallies,
    elapsed_ms: Math.round(elapsed)
  };
}
function checkOptions(o) {
  const whole = (n, min) => Number.isSafeInteger(n) && n >= min;
  if (!whole(o.days, 1)) throw new UsageError("invalid_days", "--days must be a whole number >= 1.");
  if (!whole(o.perDay, 1)) throw new UsageError("invalid_per_day", "--per-day must be a whole number >= 1.");
  for (const [flag2, rate] of [
    ["--feedback-rate", o.feedbackRate],
    ["--llm-failure-rate", o.llmFailureRate]
  ]) {
    if (!(rate >= 0 && rate <= 1)) throw new UsageError("invalid_rate", `${flag2} must be a number from 0 to 1.`);
  }
  if (o.driftDay !== null && !(Number.isSafeInteger(o.driftDay) && o.driftDay >= 1 && o.driftDay <= o.days)) {
    throw new UsageError("invalid_drift_day", `--drift-day must be a day from 1 (the oldest) to ${o.days}.`);
  }
}

// ../../tmp/simprof/split.ts
var cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
var measure = async (label, fn) => {
  const c = cpu();
  const w = performance.now();
  await fn();
  console.log(`${label.padEnd(48)} cpu ${(cpu() - c).toFixed(0).padStart(6)} ms  wall ${(performance.now() - w).toFixed(0).padStart(6)} ms`);
};
var config = loadConfig({ env: {}, cwd: "/tmp" });
var texts = [];
await measure("plan 7x1000 (phrase bank, times)", () => {
  const r = createRng("1");
  for (let d = 1; d <= 7; d++) for (const q of planDay({ day: d, start: 0, count: 1e3, era: "stationary" }, r.fork(`day-${d}`))) texts.push(q.text);
});
{
  const store = openStore(":memory:");
  const nullSink = { started() {
  }, ended() {
  } };
  const deps = createPipelineDeps({ ...config, llmProvider: "local" }, store, nullSink);
  await measure("pipeline only, no persistence", async () => {
    for (const t of texts) await runQuery({ text: t }, deps);
  });
  const parsed = texts.map((t) => ({ text: t, truncated: false, diets: [], allergens: [], negatedLabels: [] }));
  await measure("  of which local provider.parse", async () => {
    for (const p of parsed) await deps.provider.parse(p);
  });
  await measure("  of which classifier.classify", () => {
    for (const t of texts) deps.classifier.classify(t);
  });
  await measure("  of which 8 random ids per trace", () => {
    for (let i = 0; i < texts.length * 8; i++) newSpanId();
  });
}
{
  const store = openStore(mkdtempSync(join5(tmpdir(), "mf-split-")));
  const sink = batchedStoreSink(store, 500);
  const deps = createPipelineDeps({ ...config, llmProvider: "local" }, store, sink);
  await measure("pipeline + batchedStoreSink (file store)", async () => {
    for (const t of texts) await runQuery({ text: t }, deps);
    sink.flush();
  });
}
{
  const store = openStore(mkdtempSync(join5(tmpdir(), "mf-split-")));
  const { sink: _s, ...pipeline } = createPipelineDeps({ ...config, llmProvider: "local" }, store);
  await measure("runSimulate 7x1000 (all in)", () => runSimulate({ days: 7, perDay: 1e3, seed: "1", feedbackRate: 0.15, llmFailureRate: 0.03, driftDay: null }, { store, pipeline, runQuery, now: Date.now() }));
}
