/**
 * Demo projects, loaded at start: the omstillingsprogram of seed 000 (2003–2006) with the eight
 * project municipalities seed 001 names for Stifinneren, in every state from running to closed,
 * and seed 004's Ressurskommunen network (Porsgrunn, Trondheim, Verdal) as an umbrella project with
 * three sub-projects near its end. Every step goes through the use cases, at the instant it is
 * dated. The seeds give names, municipalities and dates; amounts, indicators and report texts are
 * examples made for the demonstration, and the programmes' texts say so.
 */
import { ensureOrganisation, ensureUser } from '../platform/auth/store.js';
import type { DB } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import { orThrow } from '../platform/outcome.js';
import { createProgramme, seededIds } from '../programmes/index.js';
import { emptyReport, type FollowUpForm, type ProjectPlan, type ReportContent } from './model.js';
import { findProject, insertPlan, insertProject, seededProject } from './store.js';
import {
  acceptGrant,
  closeProject,
  decideChange,
  publishEvaluation,
  releasePayment,
  requestChange,
  requestPayment,
  reviewPlan,
  reviewReport,
  saveReport,
  setFollowUp,
  submitPlan,
  submitReport,
  writeEvaluation,
} from './use-cases.js';
import { listChangeRequests, listPayments, listReports } from './store.js';
import { saveContinuation, type Continuation } from './continuation.js';

const quiet = { enqueue: async () => 'demo' };

/**
 * Herøy: seed 001 says only "Herøy", and two municipalities have the name: Herøy in Møre og
 * Romsdal (1515) and Herøy in Nordland (1818). We take Møre og Romsdal's, the larger of the two
 * (about 8 900 inhabitants against 1 700), as the likelier to take on a programme of several
 * years; the seed does not settle it, so the member's name says which one it is.
 */
const STIFINNEREN: readonly { code: string; name: string; end: 'running' | 'completed' | 'evaluated' | 'closed' }[] = [
  { code: '1560', name: 'Tingvoll', end: 'closed' },
  { code: '5607', name: 'Vadsø', end: 'evaluated' },
  { code: '4640', name: 'Sogndal', end: 'evaluated' },
  { code: '1515', name: 'Herøy (Møre og Romsdal)', end: 'completed' },
  { code: '4613', name: 'Bømlo', end: 'running' },
  { code: '4001', name: 'Porsgrunn', end: 'completed' },
  { code: '1506', name: 'Molde', end: 'closed' },
  // Bydel Alna is a district of Oslo, not a municipality: the member is Oslo, named for the district.
  { code: '0301', name: 'Oslo (bydel Alna)', end: 'running' },
];

const OMSTILLING_FOLLOW_UP: FollowUpForm = {
  periods: [
    { title: 'Statusrapport 2004', kind: 'progress', due: '2004-12-01', templateId: '' },
    { title: 'Statusrapport 2005', kind: 'progress', due: '2005-12-01', templateId: '' },
    { title: 'Sluttrapport', kind: 'final', due: '2006-12-01', templateId: '' },
  ],
  tranches: [
    { share: '40', condition: 'accepted' },
    { share: '30', condition: 'report:p1' },
    { share: '30', condition: 'report:p3' },
  ],
  reminderDays: '21',
  ministryInSteeringGroup: true,
  countyGovernorContact: true,
};

const at = (day: string): Date => new Date(`${day}T10:00:00Z`);

async function person(db: DB, name: string, day: string): Promise<Actor> {
  const userId = await ensureUser(db, {
    identityProvider: 'demo-historic',
    subject: `historic:${name}`,
    name,
    email: null,
    homeMunicipalityCode: null,
  });
  return { user: { userId, name }, requestId: null, at: at(day) };
}

const moved = (actor: Actor, day: string): Actor => ({ ...actor, at: at(day) });

function omstillingPlan(name: string): ProjectPlan {
  return {
    purpose: `Helhetlig omstilling i ${name}: økonomistyring og kostnadskontroll, kvalitetsutvikling, brukermedvirkning og nye former for samhandling (fokusområdene i seed 001).`,
    shared: '',
    startsOn: '2004-01-01',
    endsOn: '2005-12-31',
    goals: ['Bedre styringsinformasjon for politikere og ledere', 'Økt brukermedvirkning i tjenestene'],
    indicators: [
      { key: 'i1', name: 'Tjenester med brukerundersøkelse', unit: 'antall', baseline: 2, targets: { p1: 5, p2: 8, p3: 10 } },
      { key: 'i2', name: 'Tjenester med kvalitetssystem', unit: 'prosent', baseline: 20, targets: { p1: 40, p2: 60, p3: 80 } },
    ],
    activities: [
      { key: 'a1', title: 'Kartlegging av tjenestene', member: '', due: '2004-06-01', milestone: true },
      { key: 'a2', title: 'Innføring av kvalitetssystem', member: '', due: '2005-06-01', milestone: false },
    ],
    budget: [
      { line: 'own-staff', member: '', grant: 600_000, ownWork: 800_000, ownFunding: 0 },
      { line: 'project-management', member: '', grant: 400_000, ownWork: 0, ownFunding: 200_000 },
      { line: 'consultants', member: '', grant: 300_000, ownWork: 0, ownFunding: 100_000 },
      { line: 'gatherings', member: '', grant: 100_000, ownWork: 50_000, ownFunding: 0 },
    ],
    organisation: {
      projectLeader: `Prosjektleder i ${name}`,
      steeringGroup: [
        { name: 'Ordfører', role: 'Leder' },
        { name: 'Rådmann', role: 'Medlem' },
      ],
      ministryRepresentative: 'Kommunal- og regionaldepartementet',
      countyGovernorContact: 'Fylkesmannens kommunalavdeling',
      elected: 'Ordfører og gruppeledere',
      administration: 'Rådmannens ledergruppe',
      employees: 'Hovedtillitsvalgte',
    },
    councilDecision: { date: '2003-12-11', caseNumber: '03/112', fileId: null, fileName: null },
  };
}

function report(
  answers: Record<string, string>,
  indicators: Record<string, number>,
  spent: number,
  step: ReportContent['step'] = null,
): ReportContent {
  const content = emptyReport();
  content.indicators = indicators;
  content.activities = { a1: 'done', a2: step ? 'done' : 'ongoing' };
  content.spent['own-staff'] = { grant: spent, ownWork: spent, ownFunding: 0 };
  content.answers = answers;
  content.step = step;
  return content;
}

/** Writes, submits and approves the whole project's report for a period. */
async function reportApproved(db: DB, projectId: string, period: string, content: ReportContent, grantee: Actor, owner: Actor) {
  let { version } = (await findProject(db, projectId))!;
  version = orThrow(await saveReport(db, projectId, version, { periodKey: period, memberCode: '' }, content, grantee)).version;
  version = orThrow(await submitReport(db, quiet, projectId, version, { periodKey: period, memberCode: '' }, grantee)).version;
  const id = (await listReports(db, [projectId])).find((r) => r.periodKey === period && r.memberCode === '')!.id;
  orThrow(await reviewReport(db, quiet, projectId, version, id, { action: 'approve', comment: '' }, owner));
}

async function payTranche(db: DB, projectId: string, tranche: string, grantee: Actor, owner: Actor) {
  const { version } = (await findProject(db, projectId))!;
  const asked = orThrow(await requestPayment(db, quiet, projectId, version, tranche, grantee));
  const payment = (await listPayments(db, [projectId])).find((p) => p.trancheKey === tranche)!;
  orThrow(await releasePayment(db, quiet, projectId, asked.version, payment.id, owner));
}

/** A project accepted and planned, its plan approved and running, at the days given. */
async function startProject(
  db: DB,
  projectId: string,
  plan: ProjectPlan,
  grantee: Actor,
  owner: Actor,
  days: { accepted: string; approved: string },
) {
  let { version } = (await findProject(db, projectId))!;
  version = orThrow(await acceptGrant(db, quiet, projectId, version, moved(grantee, days.accepted))).version;
  await insertPlan(db, projectId, 1, { state: 'draft', content: plan, byName: grantee.user?.name ?? '', at: at(days.approved) });
  version = orThrow(await submitPlan(db, quiet, projectId, version, moved(grantee, days.approved))).version;
  orThrow(await reviewPlan(db, quiet, projectId, version, { action: 'approve', comment: '' }, moved(owner, days.approved)));
}

async function seedOmstilling(db: DB) {
  const programmeId = await seededIds(db, 'programmes', 'omstilling-2003');
  if (!programmeId) return;
  const owner = await person(db, 'Fredrik Rivenes', '2003-10-01');
  if (
    (await db.selectFrom('programme_follow_up').select('version').where('programme_id', '=', programmeId).executeTakeFirst()) === undefined
  )
    orThrow(await setFollowUp(db, programmeId, 0, OMSTILLING_FOLLOW_UP, owner));
  const evaluator = await person(db, 'Ekstern evaluator (demo)', '2007-03-01');
  for (const [index, member] of STIFINNEREN.entries()) {
    const key = `omstilling-2003:${member.code}`;
    if (await seededProject(db, key)) continue;
    const id = (await insertProject(db, {
      seedKey: key,
      applicationId: null,
      programmeId,
      title: `${member.name}: helhetlig omstilling`,
      caseNumber: `2003/${String(1171 + index).padStart(4, '0')}`,
      country: 'NO',
      currency: 'NOK',
      grant: 1_400_000,
      conditions: 'Den endelige planen forankres ved vedtak i kommunestyret. Departementet er representert i styringsgruppen.',
      state: 'awaiting_acceptance',
      members: [{ code: member.code, name: member.name }],
    }))!;
    const grantee = await person(db, `${member.name} kommune`, '2003-11-01');
    await startProject(db, id, omstillingPlan(member.name), grantee, owner, { accepted: '2003-11-01', approved: '2004-01-20' });
    await payTranche(db, id, 't1', moved(grantee, '2004-01-25'), moved(owner, '2004-02-01'));
    await reportApproved(
      db,
      id,
      'p1',
      report(
        { progress: 'Kartleggingen er gjennomført, og styringsgruppen har vedtatt tiltakene.', deviations: 'Ingen vesentlige avvik.' },
        { i1: 4, i2: 35 },
        500_000,
      ),
      moved(grantee, '2004-11-25'),
      moved(owner, '2004-12-10'),
    );
    await payTranche(db, id, 't2', moved(grantee, '2004-12-15'), moved(owner, '2005-01-05'));
    if (member.end === 'running') {
      // Extended to the end of 2006, as the programme allowed (seed 000).
      const { version } = (await findProject(db, id))!;
      const asked = orThrow(
        await requestChange(
          db,
          quiet,
          id,
          version,
          { kind: 'extension', endsOn: '2006-12-31' },
          'Omstillingen trenger ett år til.',
          moved(grantee, '2005-09-01'),
        ),
      );
      const request = (await listChangeRequests(db, id))[0]!;
      orThrow(
        await decideChange(
          db,
          quiet,
          id,
          asked.version,
          request.id,
          { action: 'grant', reason: 'Programmet er forlenget ut 2006.' },
          moved(owner, '2005-09-20'),
        ),
      );
      continue;
    }
    await reportApproved(
      db,
      id,
      'p2',
      report({ progress: 'Kvalitetssystemet er tatt i bruk i de fleste tjenestene.', deviations: 'Ingen.' }, { i1: 7, i2: 60 }, 500_000),
      moved(grantee, '2005-11-25'),
      moved(owner, '2005-12-10'),
    );
    await reportApproved(
      db,
      id,
      'p3',
      report(
        {
          results: `${member.name} har brukerundersøkelser i ti tjenester og kvalitetssystem i fire av fem.`,
          learned: 'Forankring i kommunestyret og trepartssamarbeid fra start gjorde omstillingen varig.',
          spreading: 'Malene for brukerundersøkelser og styringsinformasjon deles med nabokommunene.',
        },
        { i1: 10, i2: 80 },
        380_000,
        'put-to-use',
      ),
      moved(grantee, '2006-11-20'),
      moved(owner, '2006-12-15'),
    );
    await payTranche(db, id, 't3', moved(grantee, '2006-12-18'), moved(owner, '2007-01-10'));
    if (member.end === 'completed') continue;
    await db
      .insertInto('programme_evaluators')
      .values({ programme_id: programmeId, user_id: evaluator.user!.userId, appointed_by_name: 'Fredrik Rivenes' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const written = orThrow(
      await writeEvaluation(
        db,
        programmeId,
        id,
        0,
        `${member.name} gjennomførte en helhetlig omstilling med tydelig politisk forankring. Tiltakene er tatt i bruk i driften.`,
        evaluator,
      ),
    );
    orThrow(await publishEvaluation(db, programmeId, id, written.version, moved(owner, '2007-03-15')));
    if (member.end === 'closed')
      orThrow(
        await closeProject(
          db,
          id,
          (await findProject(db, id))!.version,
          ['goals', 'results', 'indicators', 'evaluation'],
          moved(owner, '2007-04-01'),
        ),
      );
  }
}

const RESSURSKOMMUNEN = [
  { code: '4001', name: 'Porsgrunn', leader: 'Marit Kjelling' },
  { code: '5001', name: 'Trondheim', leader: 'Solveig Dale' },
  { code: '5038', name: 'Verdal', leader: 'Kari Gregersen Næss' },
] as const;

async function seedRessurskommunen(db: DB) {
  if (await seededProject(db, 'ressurskommuner:network')) return;
  const ownerId = await ensureOrganisation(db, {
    kind: 'ministry',
    name: 'Kommunal- og distriktsdepartementet',
    country: 'NO',
    municipalityCode: null,
  });
  const programmeId =
    (await seededIds(db, 'programmes', 'ressurskommuner')) ??
    (await createProgramme(
      db,
      ownerId,
      {
        name: 'Ressurskommuner',
        purpose:
          'Ressurskommunene (seed 004) var et K1-tiltak i regjeringens handlingsplan, der Trondheim, Porsgrunn og Verdal skulle være en ressurs for andre kommuner, departementer og fylker. I demoen eies programmet av departementet slik at oppfølgingen kan vises; beløp og rapporter er eksempler.',
        country: 'NO',
        languages: ['nb'],
        periodStart: '2011-01-01',
        periodEnd: '2013-12-31',
        contacts: [],
      },
      { user: null, requestId: null, at: at('2010-11-01') },
      'ressurskommuner',
    ));
  const owner = await person(db, 'Programansvarlig i departementet (demo)', '2010-12-01');
  orThrow(
    await setFollowUp(
      db,
      programmeId,
      0,
      {
        periods: [
          { title: 'Statusrapport 2011', kind: 'progress', due: '2011-12-01', templateId: '' },
          { title: 'Statusrapport 2012', kind: 'progress', due: '2012-12-01', templateId: '' },
          { title: 'Sluttrapport', kind: 'final', due: '2014-03-01', templateId: '' },
        ],
        tranches: [
          { share: '50', condition: 'accepted' },
          { share: '30', condition: 'report:p1' },
          { share: '20', condition: 'report:p3' },
        ],
        reminderDays: '14',
        ministryInSteeringGroup: false,
        countyGovernorContact: false,
      },
      owner,
    ),
  );
  const id = (await insertProject(db, {
    seedKey: 'ressurskommuner:network',
    applicationId: null,
    programmeId,
    title: 'Ressurskommunen: Porsgrunn, Trondheim og Verdal',
    caseNumber: '2010/0412',
    country: 'NO',
    currency: 'NOK',
    grant: 3_000_000,
    conditions: 'Hver kommune rapporterer på sitt delprosjekt; Porsgrunn rapporterer på helheten.',
    state: 'awaiting_acceptance',
    members: RESSURSKOMMUNEN.map((m) => ({ code: m.code, name: m.name })),
  }))!;
  const lead = await person(db, 'Marit Kjelling', '2011-01-10');
  const plan: ProjectPlan = {
    purpose:
      'Ressurskommunene skal være en ressurs for andre kommuner, departementer og fylker, med egne aktiviteter i hver kommune og en felles overbygning.',
    shared: 'Koordinering, erfarings- og idéutveksling og synergier mellom de deltakende ressurskommunene (seed 004).',
    startsOn: '2011-01-01',
    endsOn: '2013-12-31',
    goals: ['Forankring i kommunenes planer, tiltak og økonomi', 'Bistand til departementer, fylker og andre kommuner'],
    indicators: [{ key: 'i1', name: 'Kommuner som har fått bistand', unit: 'antall', baseline: 0, targets: { p1: 5, p2: 15, p3: 30 } }],
    activities: RESSURSKOMMUNEN.map((m, i) => ({
      key: `a${i + 1}`,
      title: `Lokale tiltak i ${m.name}`,
      member: m.code,
      due: '2013-06-30',
      milestone: false,
    })),
    budget: [
      { line: 'project-management', member: '', grant: 600_000, ownWork: 0, ownFunding: 0 },
      { line: 'gatherings', member: '', grant: 300_000, ownWork: 0, ownFunding: 0 },
      ...RESSURSKOMMUNEN.map((m) => ({
        line: 'own-staff' as const,
        member: m.code,
        grant: 700_000,
        ownWork: 400_000,
        ownFunding: 100_000,
      })),
    ],
    organisation: {
      projectLeader: 'Marit Kjelling (Porsgrunn), med Solveig Dale (Trondheim) og Kari Gregersen Næss (Verdal)',
      steeringGroup: RESSURSKOMMUNEN.map((m) => ({ name: m.leader, role: `Prosjektleder, ${m.name}` })),
      ministryRepresentative: '',
      countyGovernorContact: '',
      elected: 'Ordførerne i de tre kommunene',
      administration: 'Rådmennene',
      employees: 'Hovedtillitsvalgte',
    },
    councilDecision: { date: '2010-12-14', caseNumber: '10/233', fileId: null, fileName: null },
  };
  await startProject(db, id, plan, lead, owner, { accepted: '2011-01-10', approved: '2011-02-01' });
  await payTranche(db, id, 't1', moved(lead, '2011-02-05'), moved(owner, '2011-02-15'));
  await reportApproved(
    db,
    id,
    'p1',
    report({ progress: 'Hver kommune har startet sitt delprosjekt; felles samling på Hjerkin.', deviations: 'Ingen.' }, { i1: 6 }, 800_000),
    moved(lead, '2011-11-28'),
    moved(owner, '2011-12-12'),
  );
  await payTranche(db, id, 't2', moved(lead, '2011-12-15'), moved(owner, '2012-01-10'));
  await reportApproved(
    db,
    id,
    'p2',
    report(
      { progress: 'Bistand til 17 kommuner; arbeidet med videreføring etter 2013 er i gang.', deviations: 'Ingen.' },
      { i1: 17 },
      900_000,
    ),
    moved(lead, '2012-11-26'),
    moved(owner, '2012-12-10'),
  );
  // Seed 004's memo of 30 August 2012: the continuation after 2013, in draft, in the memo's own words.
  const content: Continuation = {
    background:
      'Ressurskommunene er unike i forhold til andre kommuner, og kan bidra med erfaringer til andre. K1-tiltaket avsluttes formelt, og det trengs en avklaring både på form og innhold på videreføringen.',
    targetGroups: [
      { group: 'Ressurskommunene', value: '', priority: null },
      { group: 'Andre kommuner', value: '', priority: null },
      { group: 'MD og BLD', value: '', priority: null },
      { group: 'Fylkene', value: '', priority: null },
      { group: 'KS', value: '', priority: null },
      {
        group: 'Øvrige direktorater, departementer og organisasjoner som omfattes av Regjeringens handlingsplan',
        value: '',
        priority: null,
      },
      { group: 'Funksjonshemmedes organisasjoner', value: '', priority: null },
      { group: 'Allmennheten/innbyggerne', value: '', priority: null },
    ],
    resultGoals: ['Sørge for forankring i kommunene, planer, tiltak, tidfestede gjennomføringer og økonomi'],
    mainActivities: [
      'Yte bistand til MD og BLD',
      'Yte bistand til fylkene',
      'Yte bistand til kommunene (via KS?) i forbindelse med samhandlingsreformen, velferdsteknologi, inkluderende arbeidsliv og folkehelse',
    ],
    organisationModel:
      'Et (mer eller mindre formalisert) hovedprosjekt som overbygning, som sikrer koordinering, erfarings- og idéutveksling og synergier, med et tilhørende delprosjekt i hver deltakende kommune tilpasset lokale behov og tilgjengelige ressurser.',
    resources: RESSURSKOMMUNEN.map((m) => ({ code: m.code, money: 0, people: '' })),
  };
  orThrow(await saveContinuation(db, id, 0, content, moved(lead, '2012-08-30')));
}

/** Loads the demo projects; idempotent. Call it after `seedDemoProgrammes`. */
export async function seedDemoProjects(db: DB): Promise<void> {
  await seedOmstilling(db);
  await seedRessurskommunen(db);
}
