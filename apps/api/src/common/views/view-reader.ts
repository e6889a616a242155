import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@kuhina/domain';
import { InvalidCursorError, READ_STORE, type Page, type ReadStore, type ViewDocument } from '@kuhina/read-model';
import { RequestValidationError } from '../problem/http-problems';

/**
 * Reads views for the query handlers: one document or 404, and cursor pages with a clear 400 for a bad cursor.
 * Query handlers read only views (never the write side's aggregate state). Read-your-writes is the route's
 * `@ViewRead()`: with `?consistentWith=<position>` it waits until the views include that position before the handler
 * reads, so a 404 then means the view has caught up and the resource does not exist.
 */
/** The largest page the read store gives. */
const ALL_PAGE = 1000;

@Injectable()
export class ViewReader {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async one<T extends ViewDocument>(collection: string, id: string, notFoundCode: string, what: string, details?: Record<string, unknown>): Promise<T> {
    const doc = await this.store.get<T>(collection, id);
    if (!doc) throw notFound(notFoundCode, `No ${what} ${id}`, details);
    return doc;
  }

  maybe<T extends ViewDocument>(collection: string, id: string): Promise<T | null> {
    return this.store.get<T>(collection, id);
  }

  async page<T extends ViewDocument>(collection: string, options: { where?: { index: string; value: string }; cursor?: string; limit: number }): Promise<Page<T>> {
    try {
      return await this.store.list<T>(collection, { where: options.where, after: options.cursor ?? null, limit: options.limit });
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new RequestValidationError([{ field: 'query.cursor', rule: 'cursor', message: error.message }]);
      throw error;
    }
  }

  /** Every document of the collection with this index value, in listing order, read in pages of the largest size. */
  async all<T extends ViewDocument>(collection: string, index: string, value: string): Promise<T[]> {
    const docs: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.page<T>(collection, { where: { index, value }, cursor, limit: ALL_PAGE });
      for (const item of page.items) docs.push(item.doc);
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    return docs;
  }
}
