import Database from 'better-sqlite3';
import { LimitedStatements } from './limited-statements';

describe('LimitedStatements', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    for (let n = 1; n <= 20; n++) insert.run(n);
  });

  afterEach(() => db.close());

  const numbers = (sut: LimitedStatements<[number], number>, limit: number, after: number): number[] => sut.limit(limit).all(after);

  it('reads exactly `limit` rows, and all of them with -1', () => {
    const sut = new LimitedStatements<[number], number>('SELECT n FROM t WHERE n > ? ORDER BY n LIMIT', (sql) => db.prepare<[number], number>(sql).pluck());
    expect(numbers(sut, 3, 5)).toEqual([6, 7, 8]);
    expect(numbers(sut, 0, 5)).toEqual([]);
    expect(numbers(sut, -1, 17)).toEqual([18, 19, 20]);
  });

  it('keeps the statements of the limits used last, up to its bound', () => {
    const prepared: number[] = [];
    const sut = new LimitedStatements<[number], number>('SELECT n FROM t WHERE n > ? ORDER BY n LIMIT', (sql) => (prepared.push(Number(sql.split(' ').pop())), db.prepare<[number], number>(sql).pluck()), 2);
    numbers(sut, 2, 0);
    numbers(sut, 2, 10);
    numbers(sut, 4, 0);
    numbers(sut, 2, 0); // 2 used last: 4 is the one let go when 5 comes
    expect(numbers(sut, 5, 0)).toEqual([1, 2, 3, 4, 5]);
    expect(numbers(sut, 2, 0)).toEqual([1, 2]);
    expect(numbers(sut, 4, 0)).toEqual([1, 2, 3, 4]);
    expect(sut.size).toBe(2);
    expect(prepared).toEqual([2, 4, 5, 4]);
  });

  it('refuses a limit that is not an integer >= -1 (it is written into SQL)', () => {
    const sut = new LimitedStatements<[number], number>('SELECT n FROM t WHERE n > ? ORDER BY n LIMIT', (sql) => db.prepare<[number], number>(sql).pluck());
    for (const bad of [1.5, -2, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => sut.limit(bad)).toThrow(RangeError);
  });
});
