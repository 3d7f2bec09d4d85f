import type Database from 'better-sqlite3';
import { toGrams } from '../../../common/domain/text/bigrams';
import type { Db } from '../../db/connection';

/** The parts of an order that full-text search finds it by. */
export interface OrderTextFields {
  title: string;
  description: string;
  address: string;
  code: string;
}

/** The indexed form of an order: the character bigrams of its title, description, address and code. */
export function orderGrams(fields: OrderTextFields): string {
  return toGrams(`${fields.title} ${fields.description} ${fields.address} ${fields.code}`);
}

interface FtsStatements {
  remove: Database.Statement<[number]>;
  insert: Database.Statement<[number, string]>;
}

const statements = new WeakMap<Db, FtsStatements>();

function statementsFor(db: Db): FtsStatements {
  let s = statements.get(db);
  if (!s) {
    s = {
      remove: db.prepare<[number]>('DELETE FROM orders_fts WHERE rowid = ?'),
      insert: db.prepare<[number, string]>('INSERT INTO orders_fts (rowid, grams) VALUES (?, ?)'),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * (Re)indexes one order for full-text search; the FTS row id is the order id. The table is
 * contentless with `contentless_delete = 1`, so an update is a delete of the old row followed by an
 * insert (deleting an id that was never indexed is harmless). Call inside the transaction that
 * creates or edits the order, so the index never disagrees with the table.
 */
export function indexOrderText(db: Db, id: number, fields: OrderTextFields): void {
  const s = statementsFor(db);
  s.remove.run(id);
  s.insert.run(id, orderGrams(fields));
}

/** Drops an order from the full-text index (not needed for voided or merged orders, which stay findable). */
export function unindexOrderText(db: Db, id: number): void {
  statementsFor(db).remove.run(id);
}
