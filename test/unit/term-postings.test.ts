import MiniSearch from 'minisearch';
import { BulkMiniSearch, TermPostings } from '../../src/search/indexes';

interface Doc {
  id: string;
  city: string;
  title: string;
  body: string;
}

const docs: Doc[] = [
  { id: 'a', city: 'x', title: 'school enrol child', body: 'enrol your child at the school office school' },
  { id: 'b', city: 'x', title: 'doctor health', body: 'a doctor for your child health card' },
  { id: 'c', city: 'y', title: 'school holidays', body: 'the school year and holidays' },
  { id: 'd', city: 'y', title: 'work permit', body: 'work and permit office' },
];

function index(): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>({
    fields: ['title', 'body'],
    storeFields: ['city'],
    tokenize: (t) => t.split(' '),
    processTerm: (t) => t,
    searchOptions: { boost: { title: 2, body: 0.4 }, combineWith: 'OR' },
  });
  ms.addAll(docs);
  return ms;
}

describe('TermPostings', () => {
  it.each([[['school']], [['school', 'child']], [['office', 'work', 'child', 'doctor']], [['unknown']], [['holidays', 'unknown']]])(
    'scores %j exactly as a MiniSearch OR search',
    (terms) => {
      const ms = index();
      const postings = new TermPostings(ms).score(terms);
      const direct = ms.search(terms.join(' '));
      expect([...postings.keys()].sort()).toEqual(direct.map((r) => String(r.id)).sort());
      for (const r of direct) {
        const mine = postings.get(String(r.id));
        expect(mine?.score).toBeCloseTo(r.score, 9);
        expect([...(mine?.terms ?? [])].sort()).toEqual([...r.queryTerms].sort());
      }
    },
  );

  it('keeps only the given city, and marks terms found in strong fields', () => {
    const scored = new TermPostings(index()).score(['school', 'office'], 'x');
    expect([...scored.keys()]).toEqual(['a']);
    // "school" is in a's title; "office" only in its body.
    expect(scored.get('a')?.strongTerms).toEqual(['school']);
  });

  it('forgets kept postings when told the index changed', () => {
    const ms = index();
    const postings = new TermPostings(ms);
    expect(postings.score(['library']).size).toBe(0);
    ms.add({ id: 'e', city: 'x', title: 'library', body: 'books' });
    expect(postings.score(['library']).size).toBe(0);
    postings.clear();
    expect([...postings.score(['library']).keys()]).toEqual(['e']);
  });
});

describe('BulkMiniSearch', () => {
  it('indexes exactly as MiniSearch does, over several bulk adds', () => {
    const options = { fields: ['title', 'body'], storeFields: ['city'], searchOptions: { boost: { title: 2 } } };
    const plain = new MiniSearch<Doc>(options);
    const bulk = new BulkMiniSearch<Doc>(options);
    const more: Doc[] = [
      { id: 'e', city: 'x', title: 'School school SCHOOL', body: 'child child' },
      { id: 'f', city: 'y', title: 'library', body: 'school books for the child' },
    ];
    plain.addAll([...docs, ...more]);
    bulk.addAll(docs);
    bulk.addAll(more);
    for (const query of ['school', 'child office', 'schol', 'work permit library', 'books']) {
      for (const opts of [{}, { fuzzy: 1 }, { prefix: true }]) {
        const a = plain.search(query, opts);
        const b = bulk.search(query, opts);
        expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
        for (const [i, r] of b.entries()) expect(r.score).toBeCloseTo(a[i]?.score ?? Number.NaN, 9);
        expect(b.map((r) => r.match)).toEqual(a.map((r) => r.match));
      }
    }
    expect(bulk.termCount).toBe(plain.termCount);
    expect(bulk.search('school').length).toBeGreaterThan(0);
  });
});
