/**
 * The assessment demo: a KDD call of the network programme whose deadline has passed, with six
 * submitted applications that differ in size and in the strength of their answers — the
 * Porsgrunn–Skien–Notodden network among them — and the programme's reviewer pool: Per Holm
 * (employed by Porsgrunn, so never given that network) and Anne Strand (Telemarksforsking, lead).
 * The applications are submitted while the round is open, then the deadline is moved to the past
 * by an amendment with its reason, and the call is closed. Running it again changes nothing.
 */
import type { DB } from '../platform/db/database.js';
import { databaseNow, SYSTEM } from '../platform/db/kit.js';
import { PERSONAS } from '../platform/auth/personas.js';
import { submitDemoApplication, type DemoApplication } from '../applications/index.js';
import { orThrow } from '../platform/outcome.js';
import {
  amendCall,
  closeCall,
  createCall,
  createTemplate,
  findProgramme,
  NETWORK_FORM,
  publishCall,
  seededIds,
  type CallContent,
} from '../programmes/index.js';
import { listPool, poolCandidates } from './store.js';
import { addToPool } from './use-cases.js';

export const DEMO_CALL_KEY = 'vurdering-2026:call';
const PROGRAMME_KEY = 'nettverk-2027';
const DAY = 86_400_000;

function demoCall(now: Date, templateId: string): CallContent {
  return {
    title: 'Nettverk for bærekraftige tjenester 2026',
    purpose:
      'Første runde i programmet: kommuner søkte alene eller i nettverk om støtte til nye måter å organisere helse- og omsorgstjenestene på, med framskrevne tall for egen befolkning og et målbart mål. Søknadsfristen er ute, og søknadene vurderes nå av fagpanelet.',
    language: 'nb',
    timeZone: 'Europe/Oslo',
    rounds: [
      {
        opensAt: new Date(now.getTime() - 60 * DAY).toISOString(),
        closesAt: new Date(now.getTime() + DAY).toISOString(),
        expectedSelections: 3,
      },
    ],
    quota: { minSelected: 2, maxSelected: 4 },
    budget: { amount: 24_000_000, currency: 'NOK' },
    themes: ['Helse og omsorg', 'Rekruttering og kompetanse', 'Interkommunalt samarbeid'],
    criteria: [
      { title: 'Utfordringen er dokumentert med egne tall', description: 'Framskrivinger og dagens dekningsgrader.', weight: 40 },
      { title: 'Tiltakene når målene', description: 'Tiltakene henger sammen med utfordringen og er realistiske.', weight: 40 },
      { title: 'Målbart mål', description: 'Et mål med tall og tidspunkt.', weight: 20 },
    ],
    rules: [
      { kind: 'applicant-kind', allowed: ['municipality'] },
      { kind: 'network-size', maxMembers: 5, allowAlone: true },
      { kind: 'political-decision', bodies: ['formannskap', 'kommunestyre'] },
      { kind: 'required-sections', sections: ['challenge', 'plan', 'anchoring'] },
    ],
    templateId,
  };
}

const answers = (challenge: string, plan: string, goal: string, applied: string) => ({
  'challenge.text': challenge,
  'plan.text': plan,
  'plan.goal': goal,
  'economy.applied': applied,
  'plan.start': '2026-09-15',
  'anchoring.text': 'Behandlet i formannskapet og med de ansatte.',
});

export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    lead: { code: '4001', name: 'Porsgrunn' },
    partners: [
      { code: '4003', name: 'Skien' },
      { code: '4005', name: 'Notodden' },
    ],
    answers: answers(
      'Innen 2040 får de tre kommunene nær dobbelt så mange innbyggere over 80 år, mens tallet i yrkesaktiv alder står stille. Framskrivingene viser et behov for om lag 420 flere årsverk i omsorgstjenestene med dagens dekningsgrader.',
      'Felles rekrutteringskontor, delt vikarpool for sykepleiere, felles opplæring i velferdsteknologi og ett felles responssenter for trygghetsalarmer i Grenland og Notodden.',
      'Andelen hjemmeboende over 80 år som bruker digitalt tilsyn skal øke fra 12 til 35 prosent innen 2029, og turnover blant sykepleiere skal ned fra 18 til 12 prosent.',
      '12 000 000',
    ),
    attachmentPart: 'plan.document',
    decisionDate: '2026-09-15',
  },
  {
    lead: { code: '3909', name: 'Larvik' },
    partners: [],
    answers: answers(
      'Larvik får 2 900 flere innbyggere over 80 år innen 2040. Hjemmetjenesten har allerede ubesatte stillinger.',
      'Vi vil prøve ut hverdagsrehabilitering i alle soner og kjøpe inn medisindispensere.',
      'Færre vedtak om sykehjemsplass.',
      '2 500 000',
    ),
    attachmentPart: 'plan.document',
    decisionDate: '2026-09-10',
  },
  {
    lead: { code: '4014', name: 'Kragerø' },
    partners: [
      { code: '4012', name: 'Bamble' },
      { code: '4016', name: 'Drangedal' },
    ],
    answers: answers(
      'Kommunene i Vestmar har landets eldste befolkning i Telemark: hver fjerde innbygger er over 67 år i 2030. Dekningsgraden i institusjon er høy og kostbar.',
      'Felles kompetansesenter for demens, ambulerende team på tvers av kommunegrensene, og felles innkjøp av velferdsteknologi.',
      'Institusjonsdekningen for innbyggere over 80 år skal ned fra 19 til 15 prosent innen 2030 uten lengre ventetid.',
      '6 000 000',
    ),
    attachmentPart: 'plan.document',
    decisionDate: '2026-09-01',
  },
  {
    lead: { code: '4026', name: 'Tinn' },
    partners: [],
    answers: answers('Vi blir færre og eldre.', 'Vi ønsker å ansette en prosjektleder.', 'Bedre tjenester.', '1 500 000'),
    attachmentPart: 'plan.document',
    decisionDate: '2026-09-20',
  },
  {
    lead: { code: '3405', name: 'Lillehammer' },
    partners: [{ code: '3407', name: 'Gjøvik' }],
    answers: answers(
      'Lillehammer og Gjøvik venter 45 prosent flere innbyggere over 80 år innen 2040. Rekrutteringen av helsefagarbeidere har falt tre år på rad.',
      'Et felles lærlingløp for helsefagarbeidere med NTNU i Gjøvik, og deling av spesialsykepleiere på natt.',
      'Femti nye helsefagarbeidere ferdig utdannet innen 2029.',
      '5 000 000',
    ),
    attachmentPart: 'plan.document',
    decisionDate: '2026-08-27',
  },
  {
    lead: { code: '1804', name: 'Bodø' },
    partners: [],
    answers: answers(
      'Bodø vokser, men veksten er blant de eldste. Med dagens dekningsgrader trengs 260 flere årsverk innen 2040, og distriktene i kommunen har lang reisetid.',
      'Digital hjemmeoppfølging i distriktene, et mobilt team med kommunelege og sykepleier, og samarbeid med Nordlandssykehuset om utskrivning.',
      'Reisetiden for hjemmetjenesten skal ned 20 prosent, og 300 innbyggere skal ha digital hjemmeoppfølging innen 2028.',
      '8 000 000',
    ),
    attachmentPart: 'plan.document',
    decisionDate: '2026-09-18',
  },
];

/** The reviewer pool of the network programme: Anne Strand as lead, Per Holm. */
async function seedPool(db: DB, programme: { id: string; ownerOrganisationId: string }) {
  const pool = await listPool(db, programme.id);
  const candidates = await poolCandidates(db, programme.ownerOrganisationId);
  for (const [subject, lead] of [
    ['persona-reviewer-expert', true],
    ['persona-reviewer-porsgrunn', false],
  ] as const) {
    const persona = PERSONAS.find((p) => p.subject === subject)!;
    const candidate = candidates.find((c) => c.name === persona.name);
    if (candidate && !pool.some((m) => m.userId === candidate.userId)) await addToPool(db, programme, candidate.userId, lead, SYSTEM);
  }
}

/** Loads the assessment demo; call it after `seedDemoIdentities` and `seedDemoProgrammes`. Idempotent. */
export async function seedDemoAssessment(db: DB): Promise<void> {
  const programmeId = await seededIds(db, 'programmes', PROGRAMME_KEY);
  const programme = programmeId ? await findProgramme(db, programmeId) : undefined;
  if (!programme) return;
  await seedPool(db, programme);
  if (await seededIds(db, 'programme_calls', DEMO_CALL_KEY)) return;
  const now = await databaseNow(db);
  const templateId =
    (await seededIds(db, 'programme_form_templates', 'vurdering-2026:template')) ??
    (await createTemplate(
      db,
      programme.ownerOrganisationId,
      'Nettverkssøknad 2026',
      'nb',
      NETWORK_FORM,
      SYSTEM,
      'vurdering-2026:template',
    ));
  const content = demoCall(now, templateId);
  const callId = orThrow(await createCall(db, programme.id, content, SYSTEM, DEMO_CALL_KEY));
  let call = orThrow(await publishCall(db, callId, 1, { ...SYSTEM, at: new Date(content.rounds[0]!.opensAt) }));
  for (const demo of DEMO_APPLICATIONS) await submitDemoApplication(db, call, demo, { user: null, requestId: 'demo' });
  const closesAt = new Date(now.getTime() - 60_000).toISOString();
  call = orThrow(
    await amendCall(
      db,
      callId,
      call.version,
      { ...call.content, rounds: [{ ...call.content.rounds[0]!, closesAt }] },
      'Søknadsfristen er ute (demodata).',
      SYSTEM,
    ),
  );
  orThrow(await closeCall(db, callId, call.version, 'Søknadsfristen er ute; søknadene er til vurdering.', SYSTEM));
}
