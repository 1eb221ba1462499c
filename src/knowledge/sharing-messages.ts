/** The texts for sharing a project as a case and for the programme facet, in bokmål, nynorsk, Danish and English. */
import { defineMessages } from '../platform/i18n/define.js';

export const sharingMessages = defineMessages({
  nb: {
    'knowledge.facet.programme': 'Program',
    'knowledge.field.programme': 'Program (valgfritt)',
    'knowledge.field.programmeHelp': 'Programmet erfaringen hører til, slik kilden navngir det, for eksempel «Saman om ein betre kommune».',
    'knowledge.case.origin': 'Laget fra',
    'knowledge.case.fromProject': 'Prosjektets side i Stifinner',
    'knowledge.problem.alreadyMade': 'Prosjektet har allerede en erfaring i kunnskapsbanken. Her er den:',
    'knowledge.problem.notProjectOwner': 'Bare saksbehandlere i kommunen som leder prosjektet, kan lage en erfaring av det.',
    'knowledge.seed.title': 'Lag en erfaring i kunnskapsbanken',
    'knowledge.seed.lead':
      'Utkastet er fylt ut fra den offentlige siden og den godkjente sluttrapporten til «{source}». Kryss av det som skal bli offentlig, rett teksten om du vil, og publiser. Erfaringen lenker tilbake til prosjektet og beholder programmet.',
    'knowledge.seed.parts': 'Hva som blir offentlig',
    'knowledge.seed.partsHelp': 'Bare det du krysser av, kommer med i erfaringen. Det som ikke er krysset av, blir ikke lagret.',
    'knowledge.seed.nothingFor': 'Prosjektet har ikke noe å fylle «{field}» med ennå.',
    'knowledge.seed.part.purpose': 'Formålet med prosjektet',
    'knowledge.seed.part.goals': 'Prosjektets mål',
    'knowledge.seed.part.spreading': 'Sluttrapporten: hvordan andre kommuner kan ta det i bruk',
    'knowledge.seed.part.results': 'Sluttrapporten: resultater',
    'knowledge.seed.part.learned': 'Sluttrapporten: hva dere har lært',
    'knowledge.seed.makePublic': 'Gjør offentlig under «{field}»: {part}',
    'knowledge.seed.publish': 'Publiser erfaringen',
  },
  nn: {
    'knowledge.facet.programme': 'Program',
    'knowledge.field.programme': 'Program (valfritt)',
    'knowledge.field.programmeHelp': 'Programmet erfaringa høyrer til, slik kjelda namngir det, til dømes «Saman om ein betre kommune».',
    'knowledge.case.origin': 'Laga frå',
    'knowledge.case.fromProject': 'Sida til prosjektet i Stifinner',
    'knowledge.problem.alreadyMade': 'Prosjektet har alt ei erfaring i kunnskapsbanken. Her er ho:',
    'knowledge.problem.notProjectOwner': 'Berre saksbehandlarar i kommunen som leier prosjektet, kan lage ei erfaring av det.',
    'knowledge.seed.title': 'Lag ei erfaring i kunnskapsbanken',
    'knowledge.seed.lead':
      'Utkastet er fylt ut frå den offentlege sida og den godkjende sluttrapporten til «{source}». Kryss av det som skal bli offentleg, rett teksten om du vil, og publiser. Erfaringa lenkjer tilbake til prosjektet og held på programmet.',
    'knowledge.seed.parts': 'Kva som blir offentleg',
    'knowledge.seed.partsHelp': 'Berre det du kryssar av, kjem med i erfaringa. Det som ikkje er kryssa av, blir ikkje lagra.',
    'knowledge.seed.nothingFor': 'Prosjektet har ikkje noko å fylle «{field}» med enno.',
    'knowledge.seed.part.purpose': 'Føremålet med prosjektet',
    'knowledge.seed.part.goals': 'Måla til prosjektet',
    'knowledge.seed.part.spreading': 'Sluttrapporten: korleis andre kommunar kan ta det i bruk',
    'knowledge.seed.part.results': 'Sluttrapporten: resultat',
    'knowledge.seed.part.learned': 'Sluttrapporten: kva de har lært',
    'knowledge.seed.makePublic': 'Gjer offentleg under «{field}»: {part}',
    'knowledge.seed.publish': 'Publiser erfaringa',
  },
  da: {
    'knowledge.facet.programme': 'Program',
    'knowledge.field.programme': 'Program (valgfrit)',
    'knowledge.field.programmeHelp':
      'Det program, erfaringen hører til, som kilden navngiver det, for eksempel »Saman om ein betre kommune«.',
    'knowledge.case.origin': 'Lavet ud fra',
    'knowledge.case.fromProject': 'Projektets side i Stifinner',
    'knowledge.problem.alreadyMade': 'Projektet har allerede en erfaring i videnbanken. Her er den:',
    'knowledge.problem.notProjectOwner': 'Kun sagsbehandlere i den kommune, der leder projektet, kan lave en erfaring ud fra det.',
    'knowledge.seed.title': 'Lav en erfaring i videnbanken',
    'knowledge.seed.lead':
      'Udkastet er udfyldt ud fra den offentlige side og den godkendte slutrapport for »{source}«. Sæt kryds ved det, der skal være offentligt, ret teksten, hvis du vil, og offentliggør. Erfaringen linker tilbage til projektet og beholder programmet.',
    'knowledge.seed.parts': 'Hvad der bliver offentligt',
    'knowledge.seed.partsHelp': 'Kun det, du sætter kryds ved, kommer med i erfaringen. Det, der ikke er krydset af, bliver ikke gemt.',
    'knowledge.seed.nothingFor': 'Projektet har endnu intet at udfylde »{field}« med.',
    'knowledge.seed.part.purpose': 'Projektets formål',
    'knowledge.seed.part.goals': 'Projektets mål',
    'knowledge.seed.part.spreading': 'Slutrapporten: hvordan andre kommuner kan tage det i brug',
    'knowledge.seed.part.results': 'Slutrapporten: resultater',
    'knowledge.seed.part.learned': 'Slutrapporten: hvad I har lært',
    'knowledge.seed.makePublic': 'Gør offentligt under »{field}«: {part}',
    'knowledge.seed.publish': 'Offentliggør erfaringen',
  },
  en: {
    'knowledge.facet.programme': 'Programme',
    'knowledge.field.programme': 'Programme (optional)',
    'knowledge.field.programmeHelp': 'The programme the case belongs to, as its source names it, for example “Saman om ein betre kommune”.',
    'knowledge.case.origin': 'Made from',
    'knowledge.case.fromProject': 'The project’s page in Stifinner',
    'knowledge.problem.alreadyMade': 'The project already has a case in the knowledge bank. Here it is:',
    'knowledge.problem.notProjectOwner': 'Only case workers of the municipality leading the project can make a case from it.',
    'knowledge.seed.title': 'Make a case in the knowledge bank',
    'knowledge.seed.lead':
      'The draft is filled in from the public page and the approved final report of “{source}”. Tick what is to become public, reword it if you like, and publish. The case links back to the project and keeps its programme.',
    'knowledge.seed.parts': 'What becomes public',
    'knowledge.seed.partsHelp': 'Only what you tick goes into the case. What is not ticked is not stored.',
    'knowledge.seed.nothingFor': 'The project has nothing to fill “{field}” with yet.',
    'knowledge.seed.part.purpose': 'The project’s purpose',
    'knowledge.seed.part.goals': 'The project’s goals',
    'knowledge.seed.part.spreading': 'Final report: how other municipalities can put it to use',
    'knowledge.seed.part.results': 'Final report: results',
    'knowledge.seed.part.learned': 'Final report: what you have learned',
    'knowledge.seed.makePublic': 'Make public under “{field}”: {part}',
    'knowledge.seed.publish': 'Publish the case',
  },
});

declare module '../platform/i18n/catalogue.js' {
  interface MessageRegistry {
    knowledgeSharing: typeof sharingMessages.nb;
  }
}
