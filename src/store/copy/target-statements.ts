import type { CopiedTable, SourceRow } from "./copied-tables.js";

/** A statement and its parameters for one batch. */
export interface Statement {
  text: string;
  params: unknown[];
}

/** `VALUES ($1::type, ...), (...)` over `columns`, with the rows' values as parameters in order. */
function valuesList(table: CopiedTable, columns: readonly string[], rows: readonly SourceRow[]): Statement {
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = columns.map((column) => {
      params.push(targetValue(row[column], types.get(column)));
      return `$${params.length}::${types.get(column)}`;
    });
    return `(${cells.join(", ")})`;
  });
  return { text: `VALUES ${tuples.join(", ")}`, params };
}

/** SQLite lets an INTEGER column hold a fraction (a trace's ended_at is start + a fractional duration); BIGINT keeps the whole ms, as a Date shows it. */
function targetValue(value: unknown, type: string | undefined): unknown {
  if (value === undefined) return null;
  return type === "bigint" && typeof value === "number" ? Math.floor(value) : value;
}

/** `t.c = v.c AND ...` over the key; a nullable column of a whole-row key matches NULL to NULL. */
function keyMatch(table: CopiedTable, target: string, source: string): string {
  const nullable = new Set(table.columns.filter((c) => c.nullable).map((c) => c.name));
  return table.key
    .map((c) => (nullable.has(c) ? `${target}.${c} IS NOT DISTINCT FROM ${source}.${c}` : `${target}.${c} = ${source}.${c}`))
    .join(" AND ");
}

/**
 * One multi-row INSERT of a batch that skips rows already there: ON CONFLICT DO NOTHING on a unique
 * key, NOT EXISTS on a whole-row key. Its row count is the number copied.
 */
export function insertBatch(table: CopiedTable, rows: readonly SourceRow[]): Statement {
  const names = table.columns.map((c) => c.name);
  const values = valuesList(table, names, rows);
  const selected = names.map((c) => table.insertAs?.[c] ?? `v.${c}`).join(", ");
  const skip =
    table.keyKind === "unique"
      ? `ON CONFLICT (${table.key.join(", ")}) DO NOTHING`
      : `WHERE NOT EXISTS (SELECT 1 FROM ${table.name} t WHERE ${keyMatch(table, "t", "v")})`;
  return {
    text: `INSERT INTO ${table.name} (${names.join(", ")}) SELECT ${selected} FROM (${values.text}) AS v(${names.join(", ")}) ${skip}`,
    params: values.params,
  };
}

/** How many of a batch's keys the target holds: the verification counts rows, not totals. */
export function countPresent(table: CopiedTable, rows: readonly SourceRow[]): Statement {
  const values = valuesList(table, table.key, rows);
  return {
    text: `SELECT count(*)::int AS found FROM (${values.text}) AS k(${table.key.join(", ")})
      WHERE EXISTS (SELECT 1 FROM ${table.name} t WHERE ${keyMatch(table, "t", "k")})`,
    params: values.params,
  };
}
