/** Citizens' initiatives, in bokmål, nynorsk, Danish and English. */
import { defineMessages } from '../platform/i18n/define.js';

export const participationMessages = defineMessages({
  nb: {
    'participation.nav': 'Innbyggerforslag',
    'participation.title': 'Innbyggerforslag',
    'participation.lead':
      'Innbyggerne kan selv sette en sak på dagsordenen i kommunestyret eller fylkestinget. Her ser du regelen, hvor mange underskrifter som trengs der du bor, og forslagene som samler underskrifter.',
    'participation.rule.title': 'Regelen',
    'participation.rule.text':
      'Innbyggerne kan fremme forslag som gjelder kommunens eller fylkeskommunens virksomhet. Kommunestyret eller fylkestinget må selv ta stilling til forslaget når minst 2 prosent av innbyggerne står bak det. 300 underskrifter i en kommune og 500 i et fylke er alltid nok. Forslaget skal behandles senest seks måneder etter at det er fremmet. Et forslag med samme innhold som et som allerede er behandlet i valgperioden, kan ikke fremmes på nytt.',
    'participation.rule.source': 'Kilde:',
    'participation.denmark.title': 'I Danmark',
    'participation.denmark.text':
      'Dansk lov (kommunestyrelsesloven) gir ikke innbyggerne rett til å fremme forslag for kommunalbestyrelsen. Det finnes derfor ingen lovfestet terskel eller frist for danske kommuner.',
    'participation.lookup.title': 'Hvor mange underskrifter trengs?',
    'participation.lookup.area': 'Kommune eller fylke',
    'participation.lookup.choose': 'Velg kommune eller fylke',
    'participation.lookup.municipalities': 'Kommuner',
    'participation.lookup.counties': 'Fylker',
    'participation.lookup.submit': 'Vis terskelen',
    'participation.lookup.unknown': 'Vi finner ikke den kommunen eller det fylket.',
    'participation.threshold.result': '{name}: {signatures} underskrifter trengs.',
    'participation.threshold.share': 'Det er 2 prosent av {persons} innbyggere, rundet opp.',
    'participation.threshold.capped': 'To prosent av {persons} innbyggere er mer enn {cap}, så {cap} underskrifter er nok.',
    'participation.threshold.population': 'Folketall 1. januar {year}. Kilde: {source}.',
    'participation.threshold.noPopulation': 'Registeret har ikke folketallet for {name}, så terskelen kan ikke regnes ut ennå.',
    'participation.threshold.danish':
      '{name} er en dansk kommune. Dansk lov har ingen lovfestet rett til innbyggerforslag, og derfor ingen terskel.',
    'participation.api.oneArea': 'Oppgi enten municipality (kommunenummer) eller county (fylkesnummer), ikke begge.',
  },
  nn: {
    'participation.nav': 'Innbyggjarforslag',
    'participation.title': 'Innbyggjarforslag',
    'participation.lead':
      'Innbyggjarane kan sjølve setje ei sak på dagsordenen i kommunestyret eller fylkestinget. Her ser du regelen, kor mange underskrifter som trengst der du bur, og forslaga som samlar underskrifter.',
    'participation.rule.title': 'Regelen',
    'participation.rule.text':
      'Innbyggjarane kan fremje forslag som gjeld verksemda til kommunen eller fylkeskommunen. Kommunestyret eller fylkestinget må sjølv ta stilling til forslaget når minst 2 prosent av innbyggjarane står bak det. 300 underskrifter i ein kommune og 500 i eit fylke er alltid nok. Forslaget skal handsamast seinast seks månader etter at det er fremja. Eit forslag med same innhald som eit som alt er handsama i valperioden, kan ikkje fremjast på nytt.',
    'participation.rule.source': 'Kjelde:',
    'participation.denmark.title': 'I Danmark',
    'participation.denmark.text':
      'Dansk lov (kommunestyrelsesloven) gir ikkje innbyggjarane rett til å fremje forslag for kommunalbestyrelsen. Det finst difor ingen lovfesta terskel eller frist for danske kommunar.',
    'participation.lookup.title': 'Kor mange underskrifter trengst?',
    'participation.lookup.area': 'Kommune eller fylke',
    'participation.lookup.choose': 'Vel kommune eller fylke',
    'participation.lookup.municipalities': 'Kommunar',
    'participation.lookup.counties': 'Fylke',
    'participation.lookup.submit': 'Vis terskelen',
    'participation.lookup.unknown': 'Vi finn ikkje den kommunen eller det fylket.',
    'participation.threshold.result': '{name}: {signatures} underskrifter trengst.',
    'participation.threshold.share': 'Det er 2 prosent av {persons} innbyggjarar, runda opp.',
    'participation.threshold.capped': 'To prosent av {persons} innbyggjarar er meir enn {cap}, så {cap} underskrifter er nok.',
    'participation.threshold.population': 'Folketal 1. januar {year}. Kjelde: {source}.',
    'participation.threshold.noPopulation': 'Registeret har ikkje folketalet for {name}, så terskelen kan ikkje reknast ut enno.',
    'participation.threshold.danish':
      '{name} er ein dansk kommune. Dansk lov har inga lovfesta rett til innbyggjarforslag, og difor ingen terskel.',
    'participation.api.oneArea': 'Oppgi anten municipality (kommunenummer) eller county (fylkesnummer), ikkje begge.',
  },
  da: {
    'participation.nav': 'Borgerforslag',
    'participation.title': 'Borgerforslag',
    'participation.lead':
      'I Norge kan borgerne selv sætte en sag på dagsordenen i kommunalbestyrelsen eller amtsrådet (fylkestinget). Her ser du reglen, hvor mange underskrifter der skal til, og de forslag, der samler underskrifter.',
    'participation.rule.title': 'Reglen i Norge',
    'participation.rule.text':
      'Borgerne kan stille forslag om kommunens eller fylkeskommunens virksomhed. Kommunalbestyrelsen eller fylkestinget skal selv tage stilling til forslaget, når mindst 2 procent af borgerne står bag det. 300 underskrifter i en kommune og 500 i et fylke er altid nok. Forslaget skal behandles senest seks måneder efter, at det er stillet. Et forslag med samme indhold som et, der allerede er behandlet i valgperioden, kan ikke stilles igen.',
    'participation.rule.source': 'Kilde:',
    'participation.denmark.title': 'I Danmark',
    'participation.denmark.text':
      'Dansk lov (kommunestyrelsesloven) giver ikke borgerne ret til at stille forslag til kommunalbestyrelsen. Der er derfor ingen lovbestemt grænse eller frist for danske kommuner.',
    'participation.lookup.title': 'Hvor mange underskrifter skal der til?',
    'participation.lookup.area': 'Kommune eller fylke',
    'participation.lookup.choose': 'Vælg kommune eller fylke',
    'participation.lookup.municipalities': 'Kommuner',
    'participation.lookup.counties': 'Fylker (Norge)',
    'participation.lookup.submit': 'Vis grænsen',
    'participation.lookup.unknown': 'Vi kan ikke finde den kommune eller det fylke.',
    'participation.threshold.result': '{name}: der skal {signatures} underskrifter til.',
    'participation.threshold.share': 'Det er 2 procent af {persons} indbyggere, rundet op.',
    'participation.threshold.capped': 'To procent af {persons} indbyggere er mere end {cap}, så {cap} underskrifter er nok.',
    'participation.threshold.population': 'Befolkningstal 1. januar {year}. Kilde: {source}.',
    'participation.threshold.noPopulation': 'Registret har ikke befolkningstallet for {name}, så grænsen kan ikke beregnes endnu.',
    'participation.threshold.danish':
      '{name} er en dansk kommune. Dansk lov giver ingen lovbestemt ret til borgerforslag, og derfor ingen grænse.',
    'participation.api.oneArea': 'Angiv enten municipality (kommunenummer) eller county (fylkesnummer), ikke begge.',
  },
  en: {
    'participation.nav': 'Citizens’ initiatives',
    'participation.title': 'Citizens’ initiatives',
    'participation.lead':
      'In Norway, residents can put a matter on the agenda of their municipal or county council themselves. Here you find the rule, how many signatures are needed where you live, and the initiatives collecting signatures.',
    'participation.rule.title': 'The rule',
    'participation.rule.text':
      'Residents may put forward proposals concerning the activity of their municipality or county. The council must itself take a position on a proposal when at least 2 per cent of the residents stand behind it. 300 signatures in a municipality and 500 in a county are always enough. The council decides within six months of the proposal being put forward. A proposal with the same content as one already treated in the electoral period cannot be put forward again.',
    'participation.rule.source': 'Source:',
    'participation.denmark.title': 'In Denmark',
    'participation.denmark.text':
      'Danish law (the Local Government Act, kommunestyrelsesloven) gives residents no right to put a proposal to the municipal council. There is therefore no statutory threshold or deadline for Danish municipalities.',
    'participation.lookup.title': 'How many signatures are needed?',
    'participation.lookup.area': 'Municipality or county',
    'participation.lookup.choose': 'Choose a municipality or county',
    'participation.lookup.municipalities': 'Municipalities',
    'participation.lookup.counties': 'Counties (Norway)',
    'participation.lookup.submit': 'Show the threshold',
    'participation.lookup.unknown': 'We cannot find that municipality or county.',
    'participation.threshold.result': '{name}: {signatures} signatures are needed.',
    'participation.threshold.share': 'That is 2 per cent of {persons} residents, rounded up.',
    'participation.threshold.capped': 'Two per cent of {persons} residents is more than {cap}, so {cap} signatures are enough.',
    'participation.threshold.population': 'Population on 1 January {year}. Source: {source}.',
    'participation.threshold.noPopulation': 'The registry has no population figure for {name}, so the threshold cannot be computed yet.',
    'participation.threshold.danish':
      '{name} is a Danish municipality. Danish law has no statutory right to citizens’ initiatives, and so no threshold.',
    'participation.api.oneArea': 'Give either municipality (a municipality number) or county (a county number), not both.',
  },
});

declare module '../platform/i18n/catalogue.js' {
  interface MessageRegistry {
    participation: typeof participationMessages.nb;
  }
}
