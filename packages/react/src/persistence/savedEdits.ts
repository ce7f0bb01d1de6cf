/**
 * What browser storage holds of the reader's edits (format version 1).
 *
 * One entry per page and namespace:
 *   key   `pyodocs:edits:v1:["<namespace>","<page path>"]`
 *   value `{"savedAt": 1718000000000, "cells": {"<cell id>": SavedCellEdits, …}}`
 * A page entry goes when its last cell edit is forgotten, or when it is among
 * the least recently saved once the limits are reached (SavedEditStore).
 */

/** One version of a cell's code the reader wrote. */
export interface SavedEdit {
  /** The reader's code. */
  code: string;
  /** The documented code the reader started from: when the page's code differs, the docs changed since. */
  base: string;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
}

/** Everything kept of one cell. */
export interface SavedCellEdits {
  /**
   * The cell's place among the page's cells and doctest blocks when saved:
   * finds the edit again when a new deploy changed the cell's code and with
   * it the id generated from that code.
   */
  order?: number;
  /** The reader's current version. */
  edit?: SavedEdit;
  /** An older version, of documented code that has changed since, kept until the reader restores or discards it. */
  earlier?: SavedEdit;
}

/** One page's entry. */
export interface SavedPageEdits {
  /** When any cell of the page was last saved (ms since the epoch): the least recent pages are evicted first. */
  savedAt: number;
  cells: Readonly<Record<string, SavedCellEdits>>;
}

/** Whether a cell entry holds anything worth keeping. */
export function holdsEdits(cell: SavedCellEdits | undefined): cell is SavedCellEdits {
  return cell !== undefined && (cell.edit !== undefined || cell.earlier !== undefined);
}

/**
 * A page entry read back from storage, or undefined when the text is not
 * one. Storage is shared with other code and other versions of this
 * package, so every field is checked; a malformed cell is dropped alone.
 */
export function parseSavedPageEdits(text: string): SavedPageEdits | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !isTime(value.savedAt) || !isRecord(value.cells)) return undefined;
  const cells: Record<string, SavedCellEdits> = {};
  for (const [id, candidate] of Object.entries(value.cells)) {
    const cell = parseCell(candidate);
    if (cell) cells[id] = cell;
  }
  return {savedAt: value.savedAt, cells};
}

function parseCell(value: unknown): SavedCellEdits | undefined {
  if (!isRecord(value)) return undefined;
  const edit = parseEdit(value.edit);
  const earlier = parseEdit(value.earlier);
  const cell: SavedCellEdits = {
    ...(Number.isInteger(value.order) && (value.order as number) >= 0 ? {order: value.order as number} : {}),
    ...(edit ? {edit} : {}),
    ...(earlier ? {earlier} : {}),
  };
  return holdsEdits(cell) ? cell : undefined;
}

function parseEdit(value: unknown): SavedEdit | undefined {
  if (!isRecord(value) || typeof value.code !== 'string' || typeof value.base !== 'string' || !isTime(value.savedAt)) {
    return undefined;
  }
  return {code: value.code, base: value.base, savedAt: value.savedAt};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
