/**
 * Street addresses — the street line, in the shapes most common in the shop's markets:
 * - number first, English street type last: `12 Main Street`, `221B Baker Street`,
 *   `1600 Pennsylvania Avenue NW`, `350 5th Ave`;
 * - street type first (French, Spanish, Italian, Portuguese, Catalan), number before or after:
 *   `5 rue de la Paix`, `Rue de la Paix 5`, `12, avenue des Champs-Élysées`, `Calle de Alcalá, 42`,
 *   `Via Roma 1`, `Calle Mayor nº 10`;
 * - Germanic and Nordic compounds, number after: `Hauptstraße 5`, `Berliner Straße 12a`,
 *   `Kalverstraat 12`, `Hauptstr. 5`, `Vesterbrogade 3`.
 * The street name must be capitalised and a house number present: "3 items on the way" and
 * "Place Vendôme" stay as they are. Not covered: postcodes and towns on their own, PO boxes, names
 * without a street word (`Unter den Linden 77`).
 */
export const ADDRESS_MASK = '[ADDRESS]';

const initialEitherCase = (word: string) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
const either = (words: string[]) => words.map((w) => (/^\p{L}/u.test(w) ? initialEitherCase(w) : w)).join('|');

const EN_TYPES =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Square|Sq|Terrace|Way|Close|Crescent|Parkway|Pkwy|Highway|Hwy|Row|Mews|Gardens|Grove|Walk';
const FIRST_TYPES = either(
  'rue avenue av\\. avda\\. boulevard bd place allée impasse chemin quai route cours passage calle c/ avenida plaza paseo carrer rua via viale piazza corso largo'.split(
    ' ',
  ),
);
const CONNECTOR = `(?:(?:de|du|des|la|le|les|del|della|dei|di|do|da|dos|das|el)\\s+|[dl]['’])`;
const NAME_WORD = `\\p{Lu}[\\p{L}'’-]*`;
const NAME = `${CONNECTOR}*${NAME_WORD}(?:\\s+${CONNECTOR}*${NAME_WORD}){0,3}`;
const HOUSE = `\\d{1,4}(?:\\s?(?:bis|ter))?`;
const GLUED =
  'straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|laan|straat|gracht|plein|kade|gade|vej|gatan|vägen|veien|gata';
const SEPARATE = 'Straße|Strasse|Weg|Gasse|Platz|Allee';
const END = `(?![\\p{L}\\p{N}])`;

const PATTERNS = [
  `\\b\\d{1,5}[A-Za-z]?,?\\s+(?:(?:\\p{Lu}|\\d)[\\p{L}\\p{N}'’.-]*\\s+){1,4}(?:${EN_TYPES})\\b\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b)?`,
  `\\b${HOUSE},?\\s+(?:${FIRST_TYPES})\\s+${NAME}`,
  `(?<![\\p{L}])(?:${FIRST_TYPES})\\s+${NAME},?\\s+(?:n[º°o]\\.?\\s*)?${HOUSE}${END}`,
  `(?<![\\p{L}])(?:${NAME_WORD}\\s)?\\p{Lu}[\\p{L}-]*(?:${GLUED})\\s*\\d{1,4}\\s?[a-zA-Z]?${END}`,
  `(?<![\\p{L}])${NAME_WORD}\\s(?:${SEPARATE})\\s+\\d{1,4}\\s?[a-zA-Z]?${END}`,
].map((source) => new RegExp(source, 'gu'));

export function maskStreetAddresses(text: string): { text: string; count: number } {
  let count = 0;
  let masked = text;
  for (const pattern of PATTERNS) {
    masked = masked.replace(pattern, () => {
      count++;
      return ADDRESS_MASK;
    });
  }
  return { text: masked, count };
}
