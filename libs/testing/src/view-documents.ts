import { PROJECTIONS, type Page, type ReadStore, type ViewDocument } from '@kuhina/read-model';

/** Every document of every projection's collection, by collection and id: what two stores are compared on. */
export async function allViewDocuments(store: ReadStore): Promise<Record<string, Record<string, ViewDocument>>> {
  const out: Record<string, Record<string, ViewDocument>> = {};
  for (const collection of [...new Set(PROJECTIONS.map((p) => p.collection))].sort()) {
    const docs: Record<string, ViewDocument> = {};
    for (let after: string | null = null; ; ) {
      const page: Page<ViewDocument> = await store.list(collection, { after, limit: 1000 });
      for (const item of page.items) docs[item.id] = item.doc;
      if (!page.next) break;
      after = page.next;
    }
    out[collection] = docs;
  }
  return out;
}
