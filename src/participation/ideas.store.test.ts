import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import type { Membership } from '../platform/auth/model.js';
import type { Actor } from '../platform/db/kit.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { isRefused, orThrow } from '../platform/outcome.js';
import { importShippedRegistry } from '../registry/index.js';
import { IDEAS_PER_ADDRESS_PER_DAY, IDEAS_PER_DAY, type IdeaDraft } from './ideas.model.js';
import { findIdea, ideaLookAlikes, listComments, listIdeas } from './ideas.store.js';
import { commentOnIdea, decideOnIdea, sendIdea, supportIdea } from './ideas.use-cases.js';
import type { Person } from './use-cases.js';

let database: TestDatabase;
const people: Record<string, Person> = {};
let kdd = '';
const enqueued: string[] = [];
const jobs = {
  enqueue: async (_db: unknown, name: string) => {
    enqueued.push(name);
    return name;
  },
};

async function person(subject: string, memberships: Membership[] = []): Promise<Person> {
  const user = await database.db
    .selectFrom('users')
    .select(['id', 'name', 'home_municipality_code'])
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
  return { userId: user.id, name: user.name, homeMunicipalityCode: user.home_municipality_code, memberships };
}
const actor = (p: Person): Actor => ({ user: { userId: p.userId, name: p.name }, requestId: null });
const idea = (title: string, receiver: IdeaDraft['receiver'], extra: Partial<IdeaDraft> = {}): IdeaDraft => ({
  receiver,
  theme: 'digital',
  title,
  description: 'Søknader om startlån kunne fylles ut med tall kommunen og Skatteetaten alt har.',
  anonymous: false,
  ...extra,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await importShippedRegistry(database.db);
  await seedDemoIdentities(database.db);
  const org = (name: string) => database.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  kdd = (await org('Kommunal- og distriktsdepartementet')).id;
  const porsgrunn = (await org('Porsgrunn kommune')).id;
  people.nora = await person('persona-citizen-porsgrunn');
  people.jonas = await person('persona-citizen-porsgrunn-2');
  people.emma = await person('persona-citizen-skien');
  people.ingrid = await person('persona-kdd-owner', [
    {
      organisationId: kdd,
      organisationName: 'Kommunal- og distriktsdepartementet',
      organisationKind: 'ministry',
      municipalityCode: null,
      role: 'programme_owner',
    },
  ]);
  people.silje = await person('persona-porsgrunn-case-worker', [
    {
      organisationId: porsgrunn,
      organisationName: 'Porsgrunn kommune',
      organisationKind: 'municipality',
      municipalityCode: '4001',
      role: 'case_worker',
    },
  ]);
}, 120_000);
afterAll(() => database.dispose());

describe('an idea to the ministry', () => {
  let id: string;

  it('is sent by anyone signed in, optionally anonymous, and waits for the ministry', async () => {
    id = orThrow(
      await sendIdea(
        database.db,
        people.nora!,
        idea('Ferdig utfylt startlån', { kind: 'ministry', code: kdd }, { anonymous: true }),
        'a1',
        actor(people.nora!),
      ),
    );
    expect(await findIdea(database.db, id)).toMatchObject({
      state: 'submitted',
      receiverKind: 'ministry',
      receiverName: 'Kommunal- og distriktsdepartementet',
      country: 'NO',
      anonymous: true,
      supports: 0,
    });
    const nowhere = await sendIdea(database.db, people.nora!, idea('X', { kind: 'municipality', code: '9999' }), 'a1', actor(people.nora!));
    expect(isRefused(nowhere) && nowhere.problem.kind).toBe('unknownReceiver');
  });

  it('is moderated only by the ministry’s people, with the version checked', async () => {
    const municipality = await decideOnIdea(database.db, id, 1, { action: 'publish' }, people.silje!, actor(people.silje!));
    expect(isRefused(municipality) && municipality.problem.kind).toBe('notReceiver');
    const stale = await decideOnIdea(database.db, id, 0, { action: 'publish' }, people.ingrid!, actor(people.ingrid!));
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    const early = await decideOnIdea(database.db, id, 1, { action: 'consider' }, people.ingrid!, actor(people.ingrid!));
    expect(isRefused(early) && early.problem.kind).toBe('ideaIllegalTransition');
    expect(orThrow(await decideOnIdea(database.db, id, 1, { action: 'publish' }, people.ingrid!, actor(people.ingrid!), { jobs }))).toBe(
      'received',
    );
    expect(enqueued).toContain('platform-notification');
  });

  it('is supported once per person, also at the same instant', async () => {
    const twice = await Promise.all([supportIdea(database.db, id, people.jonas!), supportIdea(database.db, id, people.jonas!)]);
    expect(twice.filter(isRefused).map((o) => isRefused(o) && o.problem.kind)).toEqual(['alreadySupported']);
    orThrow(await supportIdea(database.db, id, people.emma!));
    expect((await findIdea(database.db, id))!.supports).toBe(2);
  });

  it('is commented on by the receiver in its name, considered, and taken up with a link to the case it became', async () => {
    const stranger = await commentOnIdea(database.db, id, 'Bra!', people.silje!, actor(people.silje!));
    expect(isRefused(stranger) && stranger.problem.kind).toBe('notReceiver');
    orThrow(await commentOnIdea(database.db, id, 'Takk, vi ser på dette.', people.ingrid!, actor(people.ingrid!), { jobs }));
    expect(await listComments(database.db, id)).toMatchObject([
      { organisationName: 'Kommunal- og distriktsdepartementet', body: 'Takk, vi ser på dette.' },
    ]);
    orThrow(await decideOnIdea(database.db, id, 2, { action: 'consider' }, people.ingrid!, actor(people.ingrid!)));
    const link = { url: '/prosjekter/ferdig-utfylt', title: 'Ferdig utfylte søknader' };
    expect(orThrow(await decideOnIdea(database.db, id, 3, { action: 'takeUp', link }, people.ingrid!, actor(people.ingrid!)))).toBe(
      'taken_up',
    );
    expect(await findIdea(database.db, id)).toMatchObject({ state: 'taken_up', outcomeUrl: link.url, outcomeTitle: link.title });
    const late = await supportIdea(database.db, id, people.nora!);
    expect(isRefused(late) && late.problem.kind).toBe('ideaClosed');
  });

  it('is hidden by the receiver and kept with its audit trail', async () => {
    orThrow(
      await decideOnIdea(
        database.db,
        id,
        4,
        { action: 'hide', reason: 'Personopplysninger i teksten.' },
        people.ingrid!,
        actor(people.ingrid!),
      ),
    );
    expect((await findIdea(database.db, id))!.state).toBe('hidden');
    expect(await listIdeas(database.db, { states: ['received', 'considering', 'taken_up', 'not_taken_up'] })).not.toContainEqual(
      expect.objectContaining({ id }),
    );
    const events = await listAuditEvents(database.db, { recordType: 'idea', recordId: id, limit: 20 });
    expect(events.map((e) => e.action).sort()).toEqual(['comment', 'consider', 'create', 'hide', 'publish', 'takeUp']);
  });
});

describe('the ideas list', () => {
  it('filters by receiver, theme and status, and finds words in any form (full text, Norwegian stemming)', async () => {
    const porsgrunn = { kind: 'municipality', code: '4001' } as const;
    const a = orThrow(
      await sendIdea(
        database.db,
        people.jonas!,
        idea('Strøing av gangveier med sand fra elva', porsgrunn, { theme: 'transport' }),
        null,
        actor(people.jonas!),
      ),
    );
    const b = orThrow(
      await sendIdea(database.db, people.jonas!, idea('Digitale søknader om parkeringskort', porsgrunn), null, actor(people.jonas!)),
    );
    for (const id of [a, b]) orThrow(await decideOnIdea(database.db, id, 1, { action: 'publish' }, people.silje!, actor(people.silje!)));
    orThrow(
      await decideOnIdea(database.db, b, 2, { action: 'notTakeUp', reason: 'Det er alt digitalt.' }, people.silje!, actor(people.silje!)),
    );
    const open = ['received', 'considering', 'taken_up', 'not_taken_up'] as const;
    const titles = async (filter: Parameters<typeof listIdeas>[1]) => (await listIdeas(database.db, filter)).map((i) => i.title);
    expect(await titles({ states: open, receiver: porsgrunn })).toHaveLength(2);
    expect(await titles({ states: open, receiver: porsgrunn, theme: 'transport' })).toEqual(['Strøing av gangveier med sand fra elva']);
    expect(await titles({ states: open, state: 'not_taken_up' })).toEqual(['Digitale søknader om parkeringskort']);
    expect(await titles({ states: open, q: 'gangvei' })).toEqual(['Strøing av gangveier med sand fra elva']);
    expect(await titles({ states: open, q: 'ingenting slikt' })).toEqual([]);
    expect(await titles({ states: open, q: '"&|!(' })).toEqual([]);
    const c = orThrow(
      await sendIdea(database.db, people.emma!, idea('Sand på gangveier om vinteren', porsgrunn), null, actor(people.emma!)),
    );
    expect((await ideaLookAlikes(database.db, (await findIdea(database.db, c))!)).map((l) => l.id)).toEqual([a]);
  });
});

describe('the limits against abuse', () => {
  it('refuses the same title to the same receiver twice, more than five ideas a day from one person, and twenty from one address', async () => {
    const skien = { kind: 'municipality', code: '4003' } as const;
    orThrow(await sendIdea(database.db, people.emma!, idea('Gratis buss for skoleelever', skien), 'b1', actor(people.emma!)));
    const again = await sendIdea(database.db, people.emma!, idea('  gratis BUSS for skoleelever! ', skien), 'b1', actor(people.emma!));
    expect(isRefused(again) && again.problem.kind).toBe('sameIdea');
    const sent = (await listIdeas(database.db, { states: ['submitted', 'received', 'not_taken_up'], authorId: people.emma!.userId }))
      .length;
    for (let n = sent; n < IDEAS_PER_DAY; n += 1)
      orThrow(await sendIdea(database.db, people.emma!, idea(`Idé nummer ${n}`, skien), 'b1', actor(people.emma!)));
    const sixth = await sendIdea(database.db, people.emma!, idea('Én til', skien), 'b2', actor(people.emma!));
    expect(isRefused(sixth) && sixth.problem).toEqual({ kind: 'tooManyIdeas', max: IDEAS_PER_DAY });
    await database.db
      .updateTable('participation_ideas')
      .set({ sent_from: 'crowded' })
      .where(
        'id',
        'in',
        (await listIdeas(database.db, { states: ['submitted', 'received', 'taken_up', 'hidden', 'not_taken_up'] })).map((i) => i.id),
      )
      .execute();
    const count = (
      await database.db
        .selectFrom('participation_ideas')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sent_from', '=', 'crowded')
        .executeTakeFirstOrThrow()
    ).n;
    for (let n = Number(count); n < IDEAS_PER_ADDRESS_PER_DAY; n += 1)
      await database.db
        .insertInto('participation_ideas')
        .values({
          country: 'NO',
          receiver_kind: 'municipality',
          receiver_code: '4003',
          receiver_name: 'Skien',
          theme: 'other',
          title: `t${n}`,
          description: 'd',
          anonymous: false,
          author_id: people.emma!.userId,
          sent_from: 'crowded',
          same_key: `t${n}`,
          answer: null,
          outcome_url: null,
          outcome_title: null,
        })
        .execute();
    const fromAddress = await sendIdea(database.db, people.nora!, idea('Ny idé fra samme nett', skien), 'crowded', actor(people.nora!));
    expect(isRefused(fromAddress) && fromAddress.problem).toEqual({ kind: 'tooManyIdeasFromAddress', max: IDEAS_PER_ADDRESS_PER_DAY });
    orThrow(await sendIdea(database.db, people.nora!, idea('Ny idé fra et annet nett', skien), 'elsewhere', actor(people.nora!)));
  });
});
