/**
 * Speakers in French, German, Spanish and Portuguese: the attribution verbs and prepositions
 * of each language, inverted pronouns ("a-t-il dit", "sagte sie"), and pronouns resolved to the
 * person named before.
 */
import { describe, expect, it } from 'vitest';
import { detectQuotes } from '../../src/core/detect';
import type { ArticleText } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';

/** Paragraphs joined as the extractor joins them, in a given language. */
const article = (lang: string, ...paras: string[]): ArticleText => joinParagraphs(paras, lang);
const speakers = (lang: string, ...paras: string[]): (string | null)[] =>
  detectQuotes(article(lang, ...paras)).map((q) => q.speaker);

describe('French', () => {
  it.each([
    ['a déclaré X', '« Nous ne reculerons pas », a déclaré Marie Lefèvre.', 'Marie Lefèvre'],
    ['a dit X', '« Le dossier est clos », a dit Paul Girard.', 'Paul Girard'],
    ['affirme X', '« Rien n’a changé », affirme Karim Benali, syndicaliste.', 'Karim Benali'],
    ['estime X', '« C’est une bonne nouvelle », estime Sophie Marchand.', 'Sophie Marchand'],
    ['explique X', '« Il faut du temps », explique Luc Moreau, agriculteur.', 'Luc Moreau'],
    ['ajoute X', '« Et ce n’est pas fini », ajoute Claire Vasseur.', 'Claire Vasseur'],
    ['insiste X', '« Personne ne sera oublié », insiste Jean Perrin.', 'Jean Perrin'],
    ['selon X', 'Selon Paul Girard, la réforme est « une erreur historique ».', 'Paul Girard'],
    ['selon le titre de …, X', 'Selon le secrétaire général de l’ONU, Mateus Ferreira, la trêve « ne tiendra pas ».', 'Mateus Ferreira'],
    ['X a déclaré :', 'Nadia Haddad a déclaré : « Nous irons jusqu’au bout. »', 'Nadia Haddad'],
    ['a colon after a sentence about the mayor, X', 'Le maire de Lille, Arnaud Roux, a lui aussi critiqué la méthode : « On ne gouverne pas contre le peuple. »', 'Arnaud Roux'],
    ['X a estimé que', 'Le maire de Lille, Arnaud Roux, a estimé que le projet était « trop coûteux ».', 'Arnaud Roux'],
    ['a déclaré le ministre, X', '« La sécurité d’abord », a déclaré le ministre de l’Intérieur, Gérald Morin.', 'Gérald Morin'],
    ['s’est félicité le titre, X', '« C’est une victoire pour la démocratie », s’est félicité le président du Sénat, Gérard Lambert.', 'Gérard Lambert'],
    ['X, appositive, a lui aussi réagi :', 'Jean-Luc Marchand, le chef de file des députés, a lui aussi réagi : « Ce gouvernement est mort-né. »', 'Jean-Luc Marchand'],
    ['le chef de l’État a estimé', 'Le chef de l’État, Emmanuel Marcon, a appelé au calme. Le chef de l’État a estimé que « la République ne cédera pas ».', 'Emmanuel Marcon'],
    ['pour X, …', 'Pour le député Éric Vasseur, président de la commission des finances, ce budget est « insincère ».', 'Éric Vasseur'],
    ['pour une institution, …', 'Pour le gouvernement, il s’agit d’une « mesure de justice ».', 'gouvernement'],
  ])('%s', (_, text, speaker) => {
    expect(speakers('fr', text)).toEqual([speaker]);
  });
  it('resolves a-t-elle ajouté to the woman named before', () => {
    expect(speakers('fr', 'La sénatrice Hélène Dubois a pris la parole mardi.', '« C’est un scandale », a-t-elle ajouté.')).toEqual(['Hélène Dubois']);
  });
  it('resolves explique-t-il and il', () => {
    expect(
      speakers('fr', 'Le préfet Marc Olivier est arrivé sur place.', '« La situation est sous contrôle », explique-t-il.', 'Il a ajouté : « Les secours sont mobilisés. »'),
    ).toEqual(['Marc Olivier', 'Marc Olivier']);
  });
});

describe('German', () => {
  it.each([
    ['sagte X', '„Wir geben nicht auf“, sagte Thomas Keller.', 'Thomas Keller'],
    ['erklärte X', '„Die Lage ist stabil“, erklärte Innenministerin Petra Lang.', 'Petra Lang'],
    ['meinte X', '„Das war zu erwarten“, meinte Stefan Wolf.', 'Stefan Wolf'],
    ['X sagte:', 'Jürgen Braun sagte: „Wir brauchen mehr Zeit.“', 'Jürgen Braun'],
    ['so X', '„Das ist ein schwarzer Tag“, so Anna Vogel.', 'Anna Vogel'],
    ['laut X', 'Laut Jürgen Braun ist die Lage „sehr ernst“.', 'Jürgen Braun'],
    ['reversed guillemets', '»Wir bleiben hier«, sagte Lena Hoffmann.', 'Lena Hoffmann'],
    ['a separable verb, a title, X', '„Wir werden klagen“, kündigte AfD-Chefin Alice Wendt an.', 'Alice Wendt'],
    ['nach Angaben von X', 'Nach Angaben von Innenminister Horst Lange gibt es „keine Hinweise“ auf Opfer.', 'Horst Lange'],
    ['nach Angaben der Polizei', 'Nach Angaben der Polizei wurden drei Menschen „schwer verletzt“.', 'Polizei'],
    ['X (party) forderte:', 'Der bayerische Ministerpräsident Markus Lenz (CSU) forderte Neuwahlen: „Diese Koalition ist am Ende.“', 'Markus Lenz'],
    ['a colon after a sentence about X', 'Die Fraktionschefin Sabine Kramer warf der Regierung Wortbruch vor: „Sie haben die Wähler getäuscht.“', 'Sabine Kramer'],
  ])('%s', (_, text, speaker) => {
    expect(speakers('de', text)).toEqual([speaker]);
  });
  it('resolves "der SPD-Politiker" and "der Minister" to the man named before (a compound title: Finanzminister)', () => {
    const before = 'Finanzminister Lars Klingbeil verteidigte die Pläne.';
    expect(speakers('de', before, '„Das ist ein solider Haushalt“, sagte der SPD-Politiker.')).toEqual(['Lars Klingbeil']);
    expect(speakers('de', before, '„Das ist ein solider Haushalt“, sagte der Minister.')).toEqual(['Lars Klingbeil']);
  });
  it('resolves sagte sie to the woman named before', () => {
    expect(speakers('de', 'Bürgermeisterin Karin Roth besuchte die Baustelle.', '„Hier entsteht etwas Gutes“, sagte sie.')).toEqual(['Karin Roth']);
  });
});

describe('Spanish', () => {
  it.each([
    ['dijo X', '«No vamos a ceder», dijo Carlos Méndez.', 'Carlos Méndez'],
    ['afirmó X', '«El acuerdo está cerrado», afirmó Elena Ruiz.', 'Elena Ruiz'],
    ['señaló X', '«Faltan recursos», señaló Pablo Herrera, portavoz del sindicato.', 'Pablo Herrera'],
    ['aseguró X', '«Cumpliremos los plazos», aseguró la alcaldesa Rosa Jiménez.', 'Rosa Jiménez'],
    ['según X', 'Según Lucía Romero, el plan es «inviable».', 'Lucía Romero'],
    ['X dijo:', 'Andrés Castillo dijo: «Esto no ha terminado».', 'Andrés Castillo'],
    ['para X, …', 'Para el ministro de Economía, Luis Ferrer, la medida es «imprescindible».', 'Luis Ferrer'],
    ['de acuerdo con X', 'De acuerdo con el fiscal Carlos Stern, la causa está «avanzada».', 'Carlos Stern'],
    ['X calificó … de «…»', 'El líder de la oposición, Alberto Nieto, calificó la norma de «indigna».', 'Alberto Nieto'],
    ['aseguró el dirigente', 'El líder del PP, Alberto Nieto, votó en contra. «Han vendido el país», aseguró el dirigente conservador.', 'Alberto Nieto'],
    ['X pidió «…»', 'La vicepresidenta Yolanda Durán pidió «responsabilidad» a todos los grupos.', 'Yolanda Durán'],
    ['a colon after a sentence about X, with an appositive', 'El portavoz del partido, Luis Navarro Gil, fue tajante: «Este Gobierno está agotado».', 'Luis Navarro Gil'],
  ])('%s', (_, text, speaker) => {
    expect(speakers('es', text)).toEqual([speaker]);
  });
  it('abstains on a subjectless plural verb: people the article does not name', () => {
    expect(
      speakers('es', 'La ministra Elena Ruiz visitó la zona.', 'Según fuentes del Gobierno, no habrá cambios. «No habrá marcha atrás», explicaron.'),
    ).toEqual([null]);
  });
  it('gives a subjectless dijo the person the text is about', () => {
    expect(speakers('es', 'El gobernador Luis Ortega visitó la zona.', '«Vamos a reconstruir todo», dijo.')).toEqual(['Luis Ortega']);
  });
});

describe('Portuguese', () => {
  it.each([
    ['disse X', '“Não vamos desistir”, disse João Almeida.', 'João Almeida'],
    ['afirmou X', '“A decisão é definitiva”, afirmou Beatriz Costa.', 'Beatriz Costa'],
    ['declarou X', '“O país precisa de calma”, declarou o senador Rui Pereira.', 'Rui Pereira'],
    ['segundo X', 'Segundo Ana Ribeiro, a medida é “urgente e necessária”.', 'Ana Ribeiro'],
    ['X disse:', 'Marcos Lima disse: “Vamos recorrer da decisão.”', 'Marcos Lima'],
    ['para X, …', 'Para o presidente do Banco Central, Gabriel Torres, a inflação está “sob controle”.', 'Gabriel Torres'],
    ['falou X', '"Foi um erro", falou Marta Lins ao programa.', 'Marta Lins'],
    ['X classificou … de “…”', 'O governador Tarcísio Prado classificou a greve de “política”.', 'Tarcísio Prado'],
    ['a verb not in the lexicon, then a name', '"A vitória é de todos", comemorou Paulo Reis.', 'Paulo Reis'],
  ])('%s', (_, text, speaker) => {
    expect(speakers('pt', text)).toEqual([speaker]);
  });
  it('abstains when the attribution names someone only by a description', () => {
    expect(speakers('pt', 'O técnico Rui Lopes falou com a imprensa.', '"Vamos recorrer", acrescentou o treinador.')).toEqual([null]);
  });
  it('resolves ela to the woman named before', () => {
    expect(speakers('pt', 'A prefeita Carla Souza falou com moradores.', 'Ela disse que a obra é “prioridade absoluta”.')).toEqual(['Carla Souza']);
  });
});
