/**
 * Reader for JSON-stat 2.0 datasets (https://json-stat.org/full/), the layout SSB's PxWebApi v2
 * returns. Pure: takes already-parsed JSON, does no IO.
 *
 * Values are stored row-major over the dimensions in `id` order, the last dimension varying
 * fastest. Missing values (null, or absent in the sparse object form) are kept as NaN.
 */

export interface JsonStatCategory {
  readonly code: string;
  readonly label: string;
}

export interface JsonStatDimension {
  readonly id: string;
  readonly label: string;
  /** Categories in index order. */
  readonly categories: readonly JsonStatCategory[];
  /** Position of a category code, or -1 when the dimension has no such category. */
  indexOf(code: string): number;
}

export class JsonStatError extends Error {}

export class JsonStatDataset {
  readonly label: string;
  readonly source: string;
  readonly notes: readonly string[];
  readonly dimensions: readonly JsonStatDimension[];
  /** Cell values in row-major order; NaN where the dataset has no value. */
  readonly values: Float64Array;
  private readonly strides: readonly number[];
  private readonly byId: ReadonlyMap<string, number>;

  private constructor(
    meta: { label: string; source: string; notes: readonly string[] },
    dimensions: readonly JsonStatDimension[],
    values: Float64Array,
  ) {
    this.label = meta.label;
    this.source = meta.source;
    this.notes = meta.notes;
    this.dimensions = dimensions;
    this.values = values;
    this.strides = rowMajorStrides(dimensions.map((d) => d.categories.length));
    this.byId = new Map(dimensions.map((d, i) => [d.id, i]));
  }

  /** Validates a parsed JSON-stat2 `dataset` object; throws JsonStatError on anything malformed. */
  static parse(json: unknown): JsonStatDataset {
    const root = asRecord(json, 'dataset');
    if (root.class !== undefined && root.class !== 'dataset') {
      throw new JsonStatError(`expected class "dataset", got ${JSON.stringify(root.class)}`);
    }
    const ids = asStringArray(root.id, 'id');
    const sizes = asNumberArray(root.size, 'size');
    if (ids.length !== sizes.length) throw new JsonStatError('id and size differ in length');
    const dimensionsJson = asRecord(root.dimension, 'dimension');
    const dimensions = ids.map((id, i) => parseDimension(id, dimensionsJson[id], sizes[i] ?? 0));
    const cellCount = sizes.reduce((a, b) => a * b, 1);
    const values = parseValues(root.value, cellCount);
    const notes = Array.isArray(root.note) ? root.note.filter((n): n is string => typeof n === 'string') : [];
    return new JsonStatDataset(
      {
        label: typeof root.label === 'string' ? root.label : '',
        source: typeof root.source === 'string' ? root.source : '',
        notes,
      },
      dimensions,
      values,
    );
  }

  dimension(id: string): JsonStatDimension {
    const position = this.byId.get(id);
    if (position === undefined) throw new JsonStatError(`no dimension "${id}"`);
    return this.dimensions[position]!;
  }

  /** Distance in `values` between neighbouring categories of a dimension. */
  stride(id: string): number {
    const position = this.byId.get(id);
    if (position === undefined) throw new JsonStatError(`no dimension "${id}"`);
    return this.strides[position]!;
  }

  /** Offset in `values` of the cell at the given category positions (one per dimension). */
  offsetAt(positions: readonly number[]): number {
    if (positions.length !== this.dimensions.length) {
      throw new JsonStatError(`expected ${this.dimensions.length} positions, got ${positions.length}`);
    }
    let offset = 0;
    positions.forEach((p, i) => {
      const size = this.dimensions[i]!.categories.length;
      if (!Number.isInteger(p) || p < 0 || p >= size) {
        throw new JsonStatError(`position ${p} out of range for dimension "${this.dimensions[i]!.id}"`);
      }
      offset += p * this.strides[i]!;
    });
    return offset;
  }

  /** The value for one category code per dimension; null when the dataset has no value there. */
  value(codes: Readonly<Record<string, string>>): number | null {
    const positions = this.dimensions.map((d) => {
      const code = codes[d.id];
      if (code === undefined) throw new JsonStatError(`no category given for dimension "${d.id}"`);
      const position = d.indexOf(code);
      if (position < 0) throw new JsonStatError(`dimension "${d.id}" has no category "${code}"`);
      return position;
    });
    const v = this.values[this.offsetAt(positions)]!;
    return Number.isNaN(v) ? null : v;
  }

  /** Every cell in storage order, with its category codes. */
  *cells(): Generator<{ codes: Readonly<Record<string, string>>; value: number | null }> {
    const positions = this.dimensions.map(() => 0);
    for (let offset = 0; offset < this.values.length; offset++) {
      const codes: Record<string, string> = {};
      this.dimensions.forEach((d, i) => {
        codes[d.id] = d.categories[positions[i]!]!.code;
      });
      const v = this.values[offset]!;
      yield { codes, value: Number.isNaN(v) ? null : v };
      advanceOdometer(positions, this.dimensions);
    }
  }
}

function rowMajorStrides(sizes: readonly number[]): number[] {
  const strides = new Array<number>(sizes.length).fill(1);
  for (let i = sizes.length - 2; i >= 0; i--) strides[i] = strides[i + 1]! * sizes[i + 1]!;
  return strides;
}

function advanceOdometer(positions: number[], dimensions: readonly JsonStatDimension[]): void {
  for (let i = positions.length - 1; i >= 0; i--) {
    positions[i]! += 1;
    if (positions[i]! < dimensions[i]!.categories.length) return;
    positions[i] = 0;
  }
}

function parseDimension(id: string, json: unknown, size: number): JsonStatDimension {
  const dimension = asRecord(json, `dimension.${id}`);
  const category = asRecord(dimension.category, `dimension.${id}.category`);
  const labels = category.label === undefined ? {} : asRecord(category.label, `dimension.${id}.category.label`);
  const codes = categoryCodesInOrder(id, category.index, labels);
  if (codes.length !== size) {
    throw new JsonStatError(`dimension "${id}" has ${codes.length} categories but size says ${size}`);
  }
  const categories = codes.map((code) => ({
    code,
    label: typeof labels[code] === 'string' ? (labels[code] as string) : code,
  }));
  const positionByCode = new Map(codes.map((code, i) => [code, i]));
  return {
    id,
    label: typeof dimension.label === 'string' ? dimension.label : id,
    categories,
    indexOf: (code) => positionByCode.get(code) ?? -1,
  };
}

/** `index` is an array of codes, an object code → position, or absent for a single category. */
function categoryCodesInOrder(id: string, index: unknown, labels: Record<string, unknown>): string[] {
  if (Array.isArray(index)) return asStringArray(index, `dimension.${id}.category.index`);
  if (index === undefined) {
    const codes = Object.keys(labels);
    if (codes.length !== 1) throw new JsonStatError(`dimension "${id}" has no index and not exactly one label`);
    return codes;
  }
  const byCode = asRecord(index, `dimension.${id}.category.index`);
  const codes: string[] = [];
  for (const [code, position] of Object.entries(byCode)) {
    if (typeof position !== 'number' || !Number.isInteger(position) || codes[position] !== undefined) {
      throw new JsonStatError(`dimension "${id}": bad index position for category "${code}"`);
    }
    codes[position] = code;
  }
  if (codes.some((c) => c === undefined) || codes.length !== Object.keys(byCode).length) {
    throw new JsonStatError(`dimension "${id}": index positions are not 0..n-1`);
  }
  return codes;
}

function parseValues(json: unknown, cellCount: number): Float64Array {
  const values = new Float64Array(cellCount).fill(Number.NaN);
  if (Array.isArray(json)) {
    if (json.length !== cellCount) {
      throw new JsonStatError(`value has ${json.length} cells, dimensions give ${cellCount}`);
    }
    json.forEach((v, i) => {
      values[i] = cellValue(v, i);
    });
    return values;
  }
  for (const [key, v] of Object.entries(asRecord(json, 'value'))) {
    const offset = Number(key);
    if (!Number.isInteger(offset) || offset < 0 || offset >= cellCount) {
      throw new JsonStatError(`value key "${key}" is outside 0..${cellCount - 1}`);
    }
    values[offset] = cellValue(v, offset);
  }
  return values;
}

function cellValue(v: unknown, offset: number): number {
  if (v === null) return Number.NaN;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new JsonStatError(`value at ${offset} is not a number: ${JSON.stringify(v)}`);
  }
  return v;
}

function asRecord(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new JsonStatError(`${what} must be an object`);
  return v as Record<string, unknown>;
}

function asStringArray(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw new JsonStatError(`${what} must be an array of strings`);
  }
  return v;
}

function asNumberArray(v: unknown, what: string): number[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) {
    throw new JsonStatError(`${what} must be an array of non-negative integers`);
  }
  return v;
}
