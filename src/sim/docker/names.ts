/**
 * Names for containers started without --name, as moby's namesgenerator makes them:
 * `<adjective>_<surname>`, never `boring_wozniak`, a digit appended on a clash (a subset of the
 * real word lists keeps this file small; every name it makes is one Docker could make).
 */
import type { Rng } from '../rng';

const LEFT = (
  'admiring affectionate agitated amazing angry awesome beautiful blissful bold boring brave ' +
  'busy charming clever compassionate competent condescending confident cool cranky crazy ' +
  'dazzling determined distracted dreamy eager ecstatic elastic elated elegant eloquent epic ' +
  'exciting fervent festive flamboyant focused friendly frosty funny gallant gifted goofy ' +
  'gracious great happy hardcore heuristic hopeful hungry infallible inspiring intelligent ' +
  'interesting jolly jovial keen kind laughing loving lucid magical modest musing mystifying ' +
  'naughty nervous nice nifty nostalgic objective optimistic peaceful pedantic pensive ' +
  'practical priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp ' +
  'silly sleepy stoic strange stupefied suspicious sweet tender thirsty trusting unruffled ' +
  'upbeat vibrant vigilant vigorous wizardly wonderful xenodochial youthful zealous zen'
).split(' ');

const RIGHT = (
  'agnesi albattani allen almeida archimedes ardinghelli aryabhata austin babbage banach ' +
  'bardeen bartik bassi bell benz bhabha bhaskara blackwell bohr booth borg bose boyd ' +
  'brahmagupta brattain brown carson cerf chandrasekhar chatelet chebyshev cohen chaum clarke ' +
  'colden cori cray curie darwin davinci diffie dijkstra dubinsky easley edison einstein elion ' +
  'engelbart euclid euler faraday feistel fermat fermi feynman franklin gagarin galileo gates ' +
  'gauss germain goldberg goldstine goldwasser golick goodall hamilton haslett hawking ' +
  'heisenberg hellman hermann hertz hodgkin hofstadter hoover hopper hugle hypatia jackson jang ' +
  'jennings jepsen johnson joliot jones kalam kapitsa kare keldysh keller kepler khorana kilby ' +
  'kirch knuth kowalevski lalande lamarr lamport leakey leavitt lederberg lehmann lewin ' +
  'lichterman liskov lovelace lumiere mahavira margulis matsumoto maxwell mayer mccarthy ' +
  'mcclintock mclaren mclean mcnulty meitner mendel mendeleev merkle mestorf mirzakhani ' +
  'montalcini moore morse moser murdock napier nash neumann newton nightingale nobel noether ' +
  'northcutt noyce panini pare pascal pasteur payne perlman pike poincare poitras ptolemy raman ' +
  'ramanujan ride ritchie robinson roentgen rosalind rubin saha sammet sanderson satoshi shamir ' +
  'shannon shaw shirley shockley sinoussi snyder solomon spence stonebraker sutherland swanson ' +
  'swartz swirles taussig tesla tharp thompson torvalds tu turing varahamihira vaughan villani ' +
  'visvesvaraya volhard wescoff wilbur wiles williams williamson wilson wing wozniak wright wu ' +
  'yalow yonath zhukovsky'
).split(' ');

function randomName(rng: Rng, retry: number): string {
  for (;;) {
    const name = `${rng.pick(LEFT)}_${rng.pick(RIGHT)}`;
    if (name === 'boring_wozniak') continue; // Steve Wozniak is not boring (moby's own rule).
    return retry > 0 ? `${name}${rng.int(0, 9)}` : name;
  }
}

/** moby daemon/names.go: six tries, then the short id. */
export function generateName(rng: Rng, taken: (name: string) => boolean, id: string): string {
  for (let i = 0; i < 6; i++) {
    const name = randomName(rng, i);
    if (!taken(name)) return name;
  }
  return id.slice(0, 12);
}
