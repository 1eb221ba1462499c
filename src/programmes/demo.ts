/**
 * Demo programmes built from the seed documents, in the languages of their country: the 2003
 * omstillingsprogram (seed 000), Frikommuneforsøg III (seed 003), a Statsforvalteren prosjektskjønn
 * call for innovation (seed 002), and a call open today so the journey can be walked through.
 * Running it again changes nothing (rows are found by their seed key).
 */
import type { DB } from '../platform/db/database.js';
import { ensureOrganisation } from '../platform/auth/store.js';
import type { FormDefinition, FormPart } from './form.js';
import type { CallContent, ProgrammeContent } from './model.js';
import { SYSTEM, type Actor } from '../platform/db/kit.js';
import { seededIds } from './store/programmes.js';
import { closeCall, createCall, publishCall } from './use-cases/calls.js';
import { orThrow } from '../platform/outcome.js';
import { createProgramme } from './use-cases/programmes.js';
import { writeQuestion } from './use-cases/questions.js';
import { createTemplate } from './use-cases/templates.js';
import { instantToLocal, localToInstant, type CallTimeZone } from './time.js';

const MB = 1024 * 1024;

const local = (text: string, zone: CallTimeZone): string => {
  const result = localToInstant(text, zone);
  if (!result.ok) throw new Error(`bad demo time ${text}`);
  return result.instant.toISOString();
};

/** A required PDF attachment (up to three files of 10 MB). */
const pdfPart = (key: string, label: string, help: string): FormPart => ({
  kind: 'attachment',
  key,
  label,
  help,
  required: true,
  allowedTypes: ['application/pdf'],
  maxBytes: 10 * MB,
  maxFiles: 3,
});

export const OMSTILLING_FORM: FormDefinition = {
  sections: [
    {
      key: 'vision',
      title: 'Visjon og verdier',
      guidance:
        'Kommunens visjon for utviklingen av kommunen, med en klargjøring av hvilke grunnleggende verdier omstillingsprosjektet skal understøtte.',
      parts: [{ kind: 'text', key: 'vision.text', label: 'Visjon og verdier', required: true, maxWords: 1000 }],
    },
    {
      key: 'instruments',
      title: 'Virkemidler og hvordan de når målene',
      guidance:
        'Hvilke virkemidler kommunen tar sikte på å ta i bruk, og på hvilken måte disse vil bidra til å nå målene for omstillingsprosjektet.',
      parts: [
        { kind: 'text', key: 'instruments.text', label: 'Virkemidler', required: true, maxWords: 2000 },
        {
          kind: 'choice',
          key: 'instruments.areas',
          label: 'Områder',
          required: false,
          multiple: true,
          options: [
            { value: 'quality', label: 'Kvalitetsutvikling, økonomistyring og styringsinformasjon' },
            { value: 'competition', label: 'Konkurranse, friere brukervalg og benchmarking' },
            { value: 'participation', label: 'Brukermedvirkning og valgfrihet' },
            { value: 'organisation', label: 'Nye former for organisering, samhandling og partnerskap' },
          ],
        },
      ],
    },
    {
      key: 'success',
      title: 'Kritiske suksessfaktorer',
      guidance: 'En vurdering av kritiske suksessfaktorer for omstillingsprogrammet.',
      parts: [{ kind: 'text', key: 'success.text', label: 'Kritiske suksessfaktorer', required: true, maxWords: 1000 }],
    },
    {
      key: 'anchoring',
      title: 'Forankringsstrategi',
      guidance:
        'En strategi for hvordan omstillingsarbeidet vil bli forankret hos de viktigste aktørene (politikere, ansatte og innbyggere).',
      parts: [
        { kind: 'text', key: 'anchoring.text', label: 'Forankringsstrategi', required: true, maxWords: 1000 },
        { kind: 'date', key: 'anchoring.decisionDate', label: 'Dato for behandling i formannskapet', required: true },
        pdfPart(
          'anchoring.decision',
          'Vedtak i formannskapet',
          'Søknaden skal være behandlet i formannskap e.l. Last opp vedtaket som PDF.',
        ),
      ],
    },
  ],
};

const FRIKOMMUNE_THEMES = [
  'Sammenhængende indsatser på tværs af beskæftigelses-, social-, sundheds- og uddannelsesområderne',
  'Udsatte børns vej gennem livet fra daginstitution til uddannelse',
  'Overgang fra folkeskole til ungdomsuddannelse / beskæftigelse',
  'Det nære og sammenhængende sundhedsvæsen – overgange mellem kommunale og regionale sundheds- og plejetilbud',
  'Tværgående effektivisering af opgaveløsningen',
  'Administrative effektiviseringer',
];

export const FRIKOMMUNE_FORM: FormDefinition = {
  sections: [
    {
      key: 'trial',
      title: 'Forsøget',
      guidance: 'Beskriv et ambitiøst, fokuseret og sammenhængende forsøg med væsentligt potentiale for nytænkning og/eller forenkling.',
      parts: [
        { kind: 'text', key: 'trial.description', label: 'Beskrivelse af forsøget', required: true, maxWords: 1500 },
        {
          kind: 'choice',
          key: 'trial.theme',
          label: 'Prioriteret problemstilling',
          required: false,
          multiple: false,
          options: FRIKOMMUNE_THEMES.map((label, i) => ({ value: `theme${i + 1}`, label })),
        },
        { kind: 'text', key: 'trial.rules', label: 'Regler der ønskes ændret eller fritagelse fra', required: true, maxWords: 800 },
      ],
    },
    {
      key: 'goal',
      title: 'Målbar målsætning',
      guidance: 'Det tillægges positiv værdi, hvis ansøgningen indeholder en målbar målsætning.',
      parts: [
        { kind: 'text', key: 'goal.text', label: 'Målsætning', required: true, maxWords: 300 },
        { kind: 'number', key: 'goal.target', label: 'Målværdi', required: true },
        {
          kind: 'date',
          key: 'goal.date',
          label: 'Hvornår målet skal være nået',
          required: false,
          notBefore: '2019-01-01',
          notAfter: '2025-12-31',
        },
      ],
    },
    {
      key: 'decision',
      title: 'Politisk behandling',
      parts: [
        pdfPart(
          'decision.file',
          'Beslutning i kommunalbestyrelse eller økonomiudvalg',
          'Vedlæg beslutningen for hver kommune i netværket (PDF).',
        ),
      ],
    },
  ],
};

export const PROSJEKTSKJONN_FORM: FormDefinition = {
  sections: [
    {
      key: 'challenge',
      title: 'Utfordringa',
      guidance: 'Kommunane må i søknaden beskrive utfordringa si godt.',
      parts: [
        { kind: 'text', key: 'challenge.text', label: 'Beskriving av utfordringa', required: true, maxWords: 800 },
        {
          kind: 'projected-challenge',
          key: 'challenge.projection',
          label: 'Framskriven utvikling i kommunen',
          required: false,
          indicator: 'working-age-per-elderly',
          horizonYear: 2040,
        },
      ],
    },
    {
      key: 'targets',
      title: 'Målgrupper og nytteverdi',
      guidance: 'Kven er det godt for, og kva er det godt for?',
      parts: [
        {
          kind: 'table',
          key: 'targets.table',
          label: 'Målgrupper',
          required: true,
          maxRows: 10,
          columns: [
            { key: 'group', label: 'Målgruppe', type: 'text' },
            { key: 'value', label: 'Nytteverdi', type: 'text' },
            { key: 'priority', label: 'Prioritet', type: 'number' },
          ],
        },
      ],
    },
    {
      key: 'collaboration',
      title: 'Samarbeid',
      parts: [
        {
          kind: 'choice',
          key: 'collaboration.partners',
          label: 'Kven involverer de?',
          required: true,
          multiple: true,
          options: [
            { value: 'crossDisciplinary', label: 'Tverrfagleg arbeid i kommunen' },
            { value: 'citizens', label: 'Innbyggjarar' },
            { value: 'municipalities', label: 'Andre kommunar' },
            { value: 'business', label: 'Næringsliv' },
            { value: 'organisations', label: 'Organisasjonar' },
            { value: 'research', label: 'Forskingsmiljø' },
          ],
        },
      ],
    },
    {
      key: 'economy',
      title: 'Økonomi',
      parts: [
        { kind: 'amount', key: 'economy.applied', label: 'Søkt beløp', required: true, currency: 'NOK', max: 2_000_000 },
        { kind: 'amount', key: 'economy.own', label: 'Eigeninnsats', required: true, currency: 'NOK' },
        pdfPart('economy.budget', 'Budsjett', 'Budsjett for prosjektet (PDF).'),
      ],
    },
  ],
};

export const NETWORK_FORM: FormDefinition = {
  sections: [
    {
      key: 'challenge',
      title: 'Utfordringen',
      guidance: 'Beskriv utfordringen kommunene står overfor, med egne tall.',
      parts: [
        { kind: 'text', key: 'challenge.text', label: 'Utfordringen', required: true, maxWords: 1000 },
        {
          kind: 'projected-challenge',
          key: 'challenge.projection',
          label: 'Framskrevet utvikling i kommunene',
          required: false,
          indicator: 'age-80-plus',
          horizonYear: 2040,
        },
      ],
    },
    {
      key: 'plan',
      title: 'Tiltak og mål',
      parts: [
        { kind: 'text', key: 'plan.text', label: 'Tiltak og hvordan de når målene', required: true, maxWords: 1500 },
        { kind: 'text', key: 'plan.goal', label: 'Målbart mål', required: true, maxWords: 200 },
        { kind: 'date', key: 'plan.start', label: 'Når arbeidet starter', required: true },
        pdfPart('plan.document', 'Prosjektplan', 'Prosjektplan med tidsplan og milepæler (PDF).'),
      ],
    },
    {
      key: 'economy',
      title: 'Økonomi',
      parts: [
        {
          kind: 'amount',
          key: 'economy.applied',
          label: 'Søkt beløp',
          help: 'Hele beløpet nettverket søker om, i kroner.',
          required: true,
          currency: 'NOK',
          max: 20_000_000,
        },
      ],
    },
    {
      key: 'anchoring',
      title: 'Forankring',
      guidance: 'Vedtaket i formannskap eller kommunestyre oppgis én gang for hver kommune, i tabellen over kommunene i nettverket.',
      parts: [
        {
          kind: 'text',
          key: 'anchoring.text',
          label: 'Hvordan arbeidet er forankret hos politikere, ansatte og innbyggere',
          required: true,
          maxWords: 800,
        },
      ],
    },
  ],
};

interface DemoProgramme {
  key: string;
  owner: { name: string; kind: 'ministry' | 'state_office'; country: 'NO' | 'DK' };
  programme: ProgrammeContent;
  template: { name: string; language: string; form: FormDefinition };
  call: Omit<CallContent, 'templateId'>;
  publishedAt: Date | null;
  closedAt: Date | null;
  /** Questions and answers the owner published two days after the call. */
  questions?: { question: string; answer: string }[];
}

const KRD = { name: 'Kommunal- og regionaldepartementet', kind: 'ministry' as const, country: 'NO' as const };
const OIM = { name: 'Økonomi- og Indenrigsministeriet', kind: 'ministry' as const, country: 'DK' as const };
const SFVT = { name: 'Statsforvalteren i Vestfold og Telemark', kind: 'state_office' as const, country: 'NO' as const };
const KDD = { name: 'Kommunal- og distriktsdepartementet', kind: 'ministry' as const, country: 'NO' as const };
/** Today's ministry for frikommuneforsøg (the municipal area moved from OIM in 2022). */
const ISM = { name: 'Indenrigs- og Sundhedsministeriet', kind: 'ministry' as const, country: 'DK' as const };

/**
 * The open Danish round: the application in Danish only; each municipality's decision in its
 * kommunalbestyrelse or økonomiudvalg is given once, in the network's member table.
 */
export const FRIKOMMUNE_2027_FORM: FormDefinition = {
  sections: [
    FRIKOMMUNE_FORM.sections[0]!,
    {
      key: 'goal',
      title: 'Målbar målsætning',
      guidance: 'Det tillægges positiv værdi, hvis ansøgningen indeholder en målbar målsætning.',
      parts: [
        { kind: 'text', key: 'goal.text', label: 'Målsætning', required: true, maxWords: 300 },
        { kind: 'number', key: 'goal.target', label: 'Målværdi', required: true },
        {
          kind: 'date',
          key: 'goal.date',
          label: 'Hvornår målet skal være nået',
          required: false,
          notBefore: '2027-01-01',
          notAfter: '2032-12-31',
        },
      ],
    },
  ],
};

function demoProgrammes(now: Date): DemoProgramme[] {
  const today = instantToLocal(now, 'Europe/Oslo').slice(0, 10);
  const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      key: 'omstilling-2003',
      owner: KRD,
      programme: {
        name: 'Kommunalt omstillingsprogram',
        purpose:
          'Kommunal- og regionaldepartementet ønsker å gjennomføre et omstillingsprogram som støtter opp under helhetlige omstillings- og moderniseringsprosesser i et begrenset antall kommuner. Programmet løper ut 2005, med mulighet for forlengelse ut 2006. (Demo: de åtte prosjektkommunene er dem seed 001 nevner for Stifinneren; prosjektenes beløp, indikatorer og rapporter er eksempler.)',
        country: 'NO',
        languages: ['nb'],
        periodStart: '2003-04-30',
        periodEnd: '2005-12-31',
        contacts: [
          { name: 'Eivind Dale', title: 'ekspedisjonssjef', email: null },
          { name: 'Fredrik Rivenes', title: 'seniorrådgiver', email: null },
          { name: 'Tage Båtsvik', title: 'rådgiver', email: null },
        ],
      },
      template: { name: 'Omstillingsprogram 2003', language: 'nb', form: OMSTILLING_FORM },
      call: {
        title: 'Invitasjon til å delta i kommunalt omstillingsprogram',
        purpose:
          'Målgruppen er kommuner som kan dokumentere administrativ og politisk vilje til å gjennomføre helhetlig omstilling. Det grunnleggende kriteriet for utvelgelse er at kommunene synliggjør at de vil ta i bruk et bredt spekter av nye virkemidler som bidrar til en gjennomgående og helhetlig omstilling. Det forutsettes betydelig egeninnsats og egenfinansiering. I spesielle tilfeller vil det kunne vurderes søknader også på et senere tidspunkt.',
        language: 'nb',
        timeZone: 'Europe/Oslo',
        rounds: [
          { opensAt: local('2003-04-30T08:00', 'Europe/Oslo'), closesAt: local('2003-07-01T23:59', 'Europe/Oslo'), expectedSelections: 7 },
        ],
        quota: { minSelected: 5, maxSelected: 7 },
        budget: { amount: null, currency: 'NOK' },
        themes: [
          'Kvalitetsutvikling, økonomistyring og styringsinformasjon',
          'Konkurranse, friere brukervalg og benchmarking',
          'Brukermedvirkning og valgfrihet',
          'Nye former for organisering, samhandling og partnerskap',
        ],
        criteria: [
          {
            title: 'Bredt spekter av nye virkemidler for helhetlig omstilling',
            description: 'Det grunnleggende kriteriet for utvelgelse.',
            weight: 50,
          },
          {
            title: 'Administrativ og politisk vilje',
            description: 'Dokumentert vilje til å gjennomføre helhetlig omstilling.',
            weight: 30,
          },
          { title: 'Forankring', description: 'Strategi for forankring hos politikere, ansatte og innbyggere.', weight: 20 },
        ],
        rules: [
          { kind: 'applicant-kind', allowed: ['municipality'] },
          { kind: 'network-size', maxMembers: 1, allowAlone: true },
          { kind: 'political-decision', bodies: ['formannskap'] },
          { kind: 'required-sections', sections: ['vision', 'instruments', 'success', 'anchoring'] },
        ],
      },
      publishedAt: new Date('2003-04-30T08:00:00Z'),
      closedAt: new Date('2003-09-30T10:00:00Z'),
    },
    {
      key: 'frikommune-3',
      owner: OIM,
      programme: {
        name: 'Frikommuneforsøg III',
        purpose:
          'Med frikommuneforsøg får udvalgte kommuner udstrakt frihed til at afprøve nye, mere sammenhængende og effektive måder at løse de kommunale opgaver på. Målet er at opnå ny viden og praktiske erfaringer baseret på den kommunale virkelighed.',
        country: 'DK',
        languages: ['da'],
        periodStart: '2018-10-12',
        periodEnd: '2025-12-31',
        contacts: [
          {
            name: 'Økonomi- og Indenrigsministeriet',
            title: 'Slotsholmsgade 10, 1216 København K, telefon 72 28 24 00',
            email: 'oim@oim.dk',
          },
        ],
      },
      template: { name: 'Frikommuneforsøg – forsøgsansøgning', language: 'da', form: FRIKOMMUNE_FORM },
      call: {
        title: 'Invitation til nyt frikommuneforsøg',
        purpose:
          'Alle kommuner kan søge direkte om godkendelse af forsøg i to ansøgningsrunder. Der vil blive udvalgt cirka 10 forsøg i hver runde. Der lægges vægt på ambitiøse, fokuserede og sammenhængende forsøg med væsentligt potentiale for nytænkning og/eller forenkling af den offentlige opgaveløsning. Kommuner kan søge enkeltvis eller i netværk, men der stilles krav om et befolkningsgrundlag på minimum 60.000 indbyggere.',
        language: 'da',
        timeZone: 'Europe/Copenhagen',
        rounds: [
          {
            opensAt: local('2018-10-12T10:00', 'Europe/Copenhagen'),
            closesAt: local('2019-04-01T23:59', 'Europe/Copenhagen'),
            expectedSelections: 10,
          },
          {
            opensAt: local('2019-04-02T00:00', 'Europe/Copenhagen'),
            closesAt: local('2019-10-01T23:59', 'Europe/Copenhagen'),
            expectedSelections: 10,
          },
        ],
        quota: { minSelected: null, maxSelected: 20 },
        budget: { amount: null, currency: 'DKK' },
        themes: FRIKOMMUNE_THEMES,
        criteria: [
          {
            title: 'Ambitiøst, fokuseret og sammenhængende forsøg',
            description: 'Væsentligt potentiale for nytænkning og/eller forenkling.',
            weight: 50,
          },
          { title: 'Prioriteret problemstilling', description: 'Forsøg inden for en af de seks problemstillinger.', weight: 20 },
          { title: 'Målbar målsætning', description: 'Positiv værdi, hvis ansøgningen indeholder en målbar målsætning.', weight: 15 },
          { title: 'Netværk af kommuner', description: 'Positiv vægt, hvis der er tale om et netværk.', weight: 15 },
        ],
        rules: [
          { kind: 'applicant-kind', allowed: ['municipality'] },
          { kind: 'network-size', maxMembers: 10, allowAlone: true },
          { kind: 'network-population', minimum: 60_000 },
          { kind: 'political-decision', bodies: ['kommunalbestyrelse', 'okonomiudvalg'] },
          { kind: 'required-sections', sections: ['trial', 'goal'] },
        ],
      },
      publishedAt: new Date('2018-10-12T08:00:00Z'),
      closedAt: new Date('2019-10-02T08:00:00Z'),
    },
    {
      key: 'prosjektskjonn-vt',
      owner: SFVT,
      programme: {
        name: 'Prosjektskjønn til innovasjon i kommunane',
        purpose:
          'Statsforvaltaren gjev tilskot av skjønsramma til fornyings- og innovasjonsprosjekt i kommunane i Vestfold og Telemark. Innovasjonsprosjekt blir prioriterte. Kommunane som får tilskot, bør jobbe utoverretta for å finne nye løysingar.',
        country: 'NO',
        languages: ['nn', 'nb'],
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        contacts: [{ name: 'Lars Berg', title: 'seniorrådgjevar', email: 'lars.berg@statsforvalteren.example.no' }],
      },
      template: { name: 'Prosjektskjønn – innovasjon', language: 'nn', form: PROSJEKTSKJONN_FORM },
      call: {
        title: 'Prosjektskjønn 2026: tilskot til innovasjonsprosjekt',
        purpose:
          'Kommunane kan søkje om skjønsmidlar til konkrete innovasjonsprosjekt. Søknaden må beskrive utfordringa godt. Det blir lagt vekt på tverrfagleg arbeid og på å involvere innbyggjarar, andre kommunar, næringsliv, organisasjonar eller forskingsmiljø.',
        language: 'nn',
        timeZone: 'Europe/Oslo',
        rounds: [
          {
            opensAt: local('2025-11-03T08:00', 'Europe/Oslo'),
            closesAt: local('2026-02-01T23:59', 'Europe/Oslo'),
            expectedSelections: null,
          },
        ],
        quota: { minSelected: null, maxSelected: null },
        budget: { amount: 12_000_000, currency: 'NOK' },
        themes: ['Innovasjon i tenestene', 'Velferdsteknologi', 'Samarbeid på tvers av kommunar'],
        criteria: [
          { title: 'Utfordringa er godt beskriven', description: '', weight: 40 },
          { title: 'Utoverretta arbeid og samarbeid', description: '', weight: 35 },
          { title: 'Overføringsverdi til andre kommunar', description: '', weight: 25 },
        ],
        rules: [
          { kind: 'applicant-kind', allowed: ['municipality'] },
          { kind: 'network-size', maxMembers: 5, allowAlone: true },
          { kind: 'required-sections', sections: ['challenge', 'targets', 'collaboration', 'economy'] },
        ],
      },
      publishedAt: new Date('2025-11-03T07:00:00Z'),
      closedAt: null,
    },
    {
      key: 'nettverk-2027',
      owner: KDD,
      programme: {
        name: 'Kommuner i nettverk for bærekraftige tjenester',
        purpose:
          'Kommunal- og distriktsdepartementet støtter nettverk av kommuner som sammen vil møte en aldrende befolkning og knapphet på arbeidskraft med nye måter å organisere tjenestene på.',
        country: 'NO',
        languages: ['nb'],
        periodStart: shift(-30),
        periodEnd: '2029-12-31',
        contacts: [{ name: 'Ingrid Haugen', title: 'seniorrådgiver', email: 'ingrid.haugen@kdd.example.no' }],
      },
      template: { name: 'Nettverkssøknad', language: 'nb', form: NETWORK_FORM },
      questions: [
        {
          question: 'Kan en kommune være med i mer enn ett nettverk?',
          answer: 'Nei. Hver kommune kan bare være med i én søknad per runde, enten alene eller i ett nettverk.',
        },
        {
          question: 'Hvilket folketall gjelder for kravet om 60 000 innbyggere?',
          answer: 'Folketallet 1. januar i det siste året registeret har tall for alle kommunene i nettverket. Søknaden viser året.',
        },
      ],
      call: {
        title: 'Nettverk for bærekraftige tjenester 2027',
        purpose:
          'Kommuner kan søke alene eller i nettverk av inntil fem kommuner med til sammen minst 60 000 innbyggere. Søknaden skal vise kommunenes framskrevne utfordring, tiltakene og et målbart mål, og være behandlet i formannskap eller kommunestyre i hver kommune.',
        language: 'nb',
        timeZone: 'Europe/Oslo',
        rounds: [
          {
            opensAt: local(`${shift(-21)}T08:00`, 'Europe/Oslo'),
            closesAt: local(`${shift(49)}T12:00`, 'Europe/Oslo'),
            expectedSelections: 6,
          },
          {
            opensAt: local(`${shift(120)}T08:00`, 'Europe/Oslo'),
            closesAt: local(`${shift(190)}T12:00`, 'Europe/Oslo'),
            expectedSelections: 6,
          },
        ],
        quota: { minSelected: 8, maxSelected: 12 },
        budget: { amount: 40_000_000, currency: 'NOK' },
        themes: ['Helse og omsorg', 'Rekruttering og kompetanse', 'Interkommunalt samarbeid'],
        criteria: [
          { title: 'Utfordringen er dokumentert med egne tall', description: 'Framskrivinger og dagens dekningsgrader.', weight: 40 },
          { title: 'Tiltakene når målene', description: '', weight: 40 },
          { title: 'Målbart mål', description: '', weight: 20 },
        ],
        rules: [
          { kind: 'applicant-kind', allowed: ['municipality'] },
          { kind: 'network-size', maxMembers: 5, allowAlone: true },
          { kind: 'network-population', minimum: 60_000 },
          { kind: 'political-decision', bodies: ['formannskap', 'kommunestyre'] },
          { kind: 'required-sections', sections: ['challenge', 'plan', 'anchoring'] },
        ],
      },
      publishedAt: new Date(Date.parse(local(`${shift(-21)}T08:00`, 'Europe/Oslo'))),
      closedAt: null,
    },
    {
      key: 'frikommune-2027',
      owner: ISM,
      programme: {
        name: 'Frikommuneforsøg – ny ansøgningsrunde',
        purpose:
          'Med frikommuneforsøg får kommuner udstrakt frihed til at afprøve nye, mere sammenhængende og effektive måder at løse de kommunale opgaver på. Erfaringerne skal give grundlag for beslutninger om, hvorvidt forsøgene skal udbredes til generelle regelændringer til gavn for alle kommuner.',
        country: 'DK',
        languages: ['da'],
        periodStart: shift(-30),
        periodEnd: '2031-12-31',
        contacts: [{ name: 'Sofie Christensen', title: 'fuldmægtig', email: 'sofie.christensen@ism.example.dk' }],
      },
      template: { name: 'Forsøgsansøgning', language: 'da', form: FRIKOMMUNE_2027_FORM },
      call: {
        title: 'Frikommuneforsøg 2027: forsøgsansøgninger',
        purpose:
          'Alle kommuner kan søge om godkendelse af forsøg, enkeltvis eller i netværk, med et befolkningsgrundlag på mindst 60.000 indbyggere. Det tillægges positiv vægt, hvis der er tale om et netværk af kommuner, og hvis ansøgningen indeholder en målbar målsætning. Forsøg inden for de seks prioriterede problemstillinger får særlig prioritet. Forsøgsansøgningen skal være behandlet i kommunalbestyrelsen eller økonomiudvalget i hver kommune.',
        language: 'da',
        timeZone: 'Europe/Copenhagen',
        rounds: [
          {
            opensAt: local(`${shift(-14)}T09:00`, 'Europe/Copenhagen'),
            closesAt: local(`${shift(56)}T12:00`, 'Europe/Copenhagen'),
            expectedSelections: 10,
          },
        ],
        quota: { minSelected: null, maxSelected: 10 },
        budget: { amount: null, currency: 'DKK' },
        themes: FRIKOMMUNE_THEMES,
        criteria: [
          {
            title: 'Ambitiøst, fokuseret og sammenhængende forsøg',
            description: 'Væsentligt potentiale for nytænkning og/eller forenkling.',
            weight: 40,
          },
          { title: 'Netværk af kommuner', description: 'Positiv vægt, hvis der er tale om et netværk.', weight: 15 },
          { title: 'Målbar målsætning', description: 'Positiv værdi, hvis ansøgningen indeholder en målbar målsætning.', weight: 15 },
          ...FRIKOMMUNE_THEMES.map((theme) => ({
            title: `Prioriteret problemstilling: ${theme}`,
            description: 'Forsøget omhandler denne problemstilling.',
            weight: 5,
          })),
        ],
        rules: [
          { kind: 'applicant-kind', allowed: ['municipality'] },
          { kind: 'network-size', maxMembers: 10, allowAlone: true },
          { kind: 'network-population', minimum: 60_000 },
          { kind: 'political-decision', bodies: ['kommunalbestyrelse', 'okonomiudvalg'] },
          { kind: 'required-sections', sections: ['trial', 'goal'] },
        ],
      },
      publishedAt: new Date(Date.parse(local(`${shift(-14)}T09:00`, 'Europe/Copenhagen'))),
      closedAt: null,
    },
  ];
}

/** Loads the demo programmes and calls; idempotent. Call it after `seedDemoIdentities`. */
export async function seedDemoProgrammes(db: DB, now = new Date()): Promise<void> {
  for (const demo of demoProgrammes(now)) {
    if (await seededIds(db, 'programme_calls', `${demo.key}:call`)) continue;
    const ownerId = await ensureOrganisation(db, { ...demo.owner, municipalityCode: null });
    const programmeId =
      (await seededIds(db, 'programmes', demo.key)) ?? (await createProgramme(db, ownerId, demo.programme, SYSTEM, demo.key));
    const templateId =
      (await seededIds(db, 'programme_form_templates', `${demo.key}:template`)) ??
      (await createTemplate(db, ownerId, demo.template.name, demo.template.language, demo.template.form, SYSTEM, `${demo.key}:template`));
    const callId = orThrow(await createCall(db, programmeId, { ...demo.call, templateId }, SYSTEM, `${demo.key}:call`));
    if (demo.publishedAt) {
      const actor: Actor = { ...SYSTEM, at: demo.publishedAt };
      const published = orThrow(await publishCall(db, callId, 1, actor));
      if (demo.closedAt) orThrow(await closeCall(db, callId, published.version, null, { ...SYSTEM, at: demo.closedAt }));
      for (const [index, texts] of (demo.questions ?? []).entries())
        orThrow(
          await writeQuestion(db, callId, texts, true, {
            ...SYSTEM,
            at: new Date(demo.publishedAt.getTime() + (2 * 86_400 + index * 3600) * 1000),
          }),
        );
    }
  }
}
