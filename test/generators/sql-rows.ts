// Builds valid rows for any table of a model, so constraint and RLS checks run over every sample without hand-written inserts.
import type { ArchitectureModel, ColumnModel, TableModel } from '../../src/model/types.js';
import { qualified, quoteIdent } from '../../generators/sql/sql-text.js';
import type { Session } from '../helpers/pglite.js';

export type Row = Map<string, string | null>;

/** Deterministic uuid number n. */
export function uuidOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function tableOf(model: ArchitectureModel, schema: string, name: string): TableModel | undefined {
  return model.tables.find((t) => t.schema === schema && t.name === name);
}

export class RowFactory {
  private counter = 0;
  /** Rows already inserted per table and tenant, reused as parents. */
  private readonly parents = new Map<string, Row>();

  constructor(private readonly model: ArchitectureModel, private readonly session: Session) {}

  private next(): number {
    this.counter += 1;
    return this.counter;
  }

  /** The type a column's values have (a ref has its target key's type). */
  valueType(column: ColumnModel): ColumnModel['type'] {
    if (column.type !== 'ref') return column.type;
    return column.refKeyType ?? 'uuid';
  }

  /** A fresh valid value of the column's type (not considering foreign keys). */
  freshValue(column: ColumnModel): string {
    const n = this.next();
    switch (this.valueType(column)) {
      case 'uuid': return uuidOf(n);
      case 'int': case 'bigint': return String(n);
      case 'decimal': case 'money': return `${n}.25`;
      case 'bool': return 'true';
      case 'date': return '2024-01-15';
      case 'timestamp': return '2024-01-15T10:00:00Z';
      case 'json': return '{"n": 1}';
      case 'enum': return column.enumValues?.[0] ?? 'x';
      case 'blob': return '\\x00';
      default: return `v${n}`;
    }
  }

  /**
   * Values for a new row of `table` owned by `tenant` (when tenant-scoped): every column gets a value except nullable
   * references; a required reference points at a parent row of the same tenant, inserted first when missing.
   */
  async prepare(table: TableModel, tenant: string | null, depth = 0): Promise<Row> {
    if (depth > 8) throw new Error(`reference chain too deep at ${table.name}`);
    const row: Row = new Map();
    for (const column of table.columns) {
      const ref = column.references;
      if (column.name === 'tenant_id' && tenant !== null && table.tenantScoped) {
        if (ref !== undefined && !ref.crossesService) await this.ensureTenant(ref.schema, ref.table, ref.column, tenant);
        row.set(column.name, tenant);
      } else if (ref !== undefined && !ref.crossesService && tableOf(this.model, ref.schema, ref.table) !== undefined) {
        if (column.nullable) { row.set(column.name, null); continue; }
        const target = tableOf(this.model, ref.schema, ref.table) as TableModel;
        // A unique reference (one-to-one) needs its own parent row each time.
        const parent = column.unique ? await this.create(target, tenant, depth + 1) : await this.parent(target, tenant, depth + 1);
        row.set(column.name, parent.get(ref.column) ?? null);
      } else {
        row.set(column.name, this.freshValue(column));
      }
    }
    return row;
  }

  async insert(table: TableModel, row: Row): Promise<void> {
    const names = [...row.keys()];
    const sql = `INSERT INTO ${qualified(table.schema, table.name)} (${names.map(quoteIdent).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`;
    await this.session.rows(sql, names.map((name) => row.get(name) ?? null));
  }

  /** The SQL error of inserting `row` (null when it succeeds). */
  insertError(table: TableModel, row: Row): ReturnType<Session['error']> {
    const names = [...row.keys()];
    const sql = `INSERT INTO ${qualified(table.schema, table.name)} (${names.map(quoteIdent).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`;
    return this.session.error(sql, names.map((name) => row.get(name) ?? null));
  }

  async create(table: TableModel, tenant: string | null, depth = 0): Promise<Row> {
    const row = await this.prepare(table, tenant, depth);
    await this.insert(table, row);
    return row;
  }

  private async parent(table: TableModel, tenant: string | null, depth: number): Promise<Row> {
    const id = `${table.schema}.${table.name}@${table.tenantScoped ? tenant ?? '' : ''}`;
    const known = this.parents.get(id);
    if (known !== undefined) return known;
    const row = await this.prepare(table, tenant, depth);
    await this.insert(table, row);
    this.parents.set(id, row);
    return row;
  }

  /** The tenant row whose key is `tenant`. */
  private async ensureTenant(schema: string, name: string, keyColumn: string, tenant: string): Promise<void> {
    const id = `${schema}.${name}@tenant:${tenant}`;
    if (this.parents.has(id)) return;
    const table = tableOf(this.model, schema, name) as TableModel;
    const row = await this.prepare(table, null, 1);
    row.set(keyColumn, tenant);
    await this.insert(table, row);
    this.parents.set(id, row);
  }
}
