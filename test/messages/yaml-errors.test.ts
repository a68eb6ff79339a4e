/**
 * YAML syntax errors explained in French. Each case takes a real posting (test/fixtures/yaml-errors,
 * copies of the corpus), makes one mistake people make when editing a front matter, and checks
 * the one message the engine gives: its place and its exact French text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPosting } from "../../src/core/check-posting.js";
import { parsePosting } from "../../src/core/parse-posting.js";
import { defaultCheckOptions } from "../../src/core/defaults.js";
import { tDynamic } from "../../src/messages/index.js";

const DIR = join(import.meta.dirname, "../fixtures/yaml-errors");
const fixture = (name: string): string => readFileSync(join(DIR, name), "utf8");

/** `name` with `from` replaced by `to` (exactly once: the case fails if the fixture changed). */
function broken(name: string, from: string, to: string): string {
  const text = fixture(name);
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** The syntax diagnostics of a posting, as [line, column, French text]. */
function syntaxErrors(content: string): Array<[number, number, string]> {
  const report = checkPosting({ path: "content/_jobs/2021-01-01-offre.md", content }, defaultCheckOptions());
  return report.diagnostics
    .filter((d) => d.rule === "front-matter-syntax")
    .map((d) => [d.line, d.column, tDynamic("fr", d.messageId, d.params)]);
}

const N = "\u202F";

describe("YAML syntax errors, explained in French", () => {
  it("the fixtures themselves have no syntax error", () => {
    for (const name of ["aidantsconnect-cd.md", "commun-orientation.md", "franceconnect-dev.md", "dev-e-controle.md"]) {
      expect(parsePosting(fixture(name)).diagnostics, name).toEqual([]);
    }
  });

  it("a value holding `: ` without quotes (BLOCK_AS_IMPLICIT_KEY): put it in quotes", () => {
    const content = broken(
      "aidantsconnect-cd.md",
      'title: "beta.gouv recrute : deux chargé(e)s de déploiement pour Aidants Connect"',
      "title: beta.gouv recrute: deux chargé(e)s de déploiement pour Aidants Connect",
    );
    expect(syntaxErrors(content)).toEqual([
      [3, 8, `Le \`: \` de cette valeur annonce un nouveau champ en YAML${N}: mettez toute la valeur entre guillemets (\`"…"\`).`],
    ]);
  });

  it("a closing quote left out (MISSING_CHAR): reported on the line that opens it", () => {
    const content = broken("aidantsconnect-cd.md", 'Aidants Connect"\n', "Aidants Connect\n");
    expect(syntaxErrors(content)).toEqual([
      [3, 8, `Le guillemet \`"\` ouvert ici n'est jamais fermé${N}: ajoutez-le à la fin de la valeur.`],
    ]);
  });

  it("an apostrophe inside single quotes (UNEXPECTED_TOKEN): double quotes or ''", () => {
    const content = broken("franceconnect-dev.md", "type: 'friend'", "type: 'l'équipe'");
    expect(syntaxErrors(content)).toEqual([
      [
        4,
        9,
        "L'apostrophe ferme ici la valeur ouverte par `'`. Entourez la valeur de guillemets doubles (`\"L'équipe\"`) ou doublez l'apostrophe (`''`).",
      ],
    ]);
  });

  it("a double quote inside double quotes (UNEXPECTED_TOKEN)", () => {
    const content = broken("aidantsconnect-cd.md", 'title: "beta.gouv recrute : deux', 'title: "beta.gouv recrute : "deux');
    expect(syntaxErrors(content)).toEqual([
      [
        3,
        29,
        "Ce guillemet `\"` ferme la valeur avant sa fin. Entourez la valeur de guillemets simples (`'…'`) ou écrivez `\\\"` dans le texte.",
      ],
    ]);
  });

  it("a continuation line that lost its indentation (MULTILINE_IMPLICIT_KEY)", () => {
    const content = broken("commun-orientation.md", "\n  developer !\n", "\ndeveloper !\n");
    expect(syntaxErrors(content)).toEqual([
      [3, 1, "Cette ligne n'est pas un champ `clé: valeur`. Si elle continue la valeur du dessus, décalez-la de deux espaces."],
    ]);
  });

  it("a field indented by mistake under a plain value (BLOCK_AS_IMPLICIT_KEY on the line above): said on the indented line", () => {
    const content = broken("aidantsconnect-cd.md", '\ntitle: "beta.gouv', '\n  title: "beta.gouv');
    expect(syntaxErrors(content)).toEqual([
      [
        3,
        3,
        `Cette ligne est décalée${N}: elle est lue comme la suite de la valeur du dessus. Si \`title\` est un champ, retirez les espaces du début de ligne.`,
      ],
    ]);
  });

  it("a field indented by mistake under a quoted value (BAD_INDENT)", () => {
    const content = broken("aidantsconnect-cd.md", "\nstartup: aidantsconnect\n", "\n  startup: aidantsconnect\n");
    expect(syntaxErrors(content)).toEqual([
      [
        4,
        1,
        `Cette ligne n'est pas alignée. Un champ commence en début de ligne${N}; les \`- \` d'une même liste sont tous au même décalage.`,
      ],
    ]);
  });

  it("no space after the colon (MULTILINE_IMPLICIT_KEY): the line to write", () => {
    const content = broken("franceconnect-dev.md", "\nopen: true\n", "\nopen:true\n");
    expect(syntaxErrors(content)).toEqual([[5, 1, `Il manque une espace après le \`:\`${N}: écrivez \`open: true\`.`]]);
  });

  it("a list item not aligned with the others (BLOCK_AS_IMPLICIT_KEY, MULTILINE_IMPLICIT_KEY, MISSING_CHAR: one message)", () => {
    const content = broken("dev-e-controle.md", "  - VueJS ou React\n", " - VueJS ou React\n");
    expect(syntaxErrors(content)).toEqual([
      [
        6,
        1,
        `Cette ligne n'est pas alignée. Un champ commence en début de ligne${N}; les \`- \` d'une même liste sont tous au même décalage.`,
      ],
    ]);
  });

  it("a list dash without its space (BAD_INDENT)", () => {
    const content = broken("dev-e-controle.md", "  - VueJS ou React\n", "  -VueJS ou React\n");
    expect(syntaxErrors(content)).toEqual([[6, 3, `Il manque une espace après le tiret${N}: écrivez \`- VueJS ou React\`.`]]);
  });

  it("a list started on the key's line (UNEXPECTED_TOKEN)", () => {
    const content = broken("dev-e-controle.md", "techno:\n  - Javascript", "techno: - Javascript");
    expect(syntaxErrors(content)).toEqual([
      [
        4,
        9,
        `Une liste commence à la ligne suivante${N}: laissez \`techno:\` seul sur sa ligne, puis un élément par ligne, précédé de \`- \`.`,
      ],
    ]);
  });

  it("a tab as indentation (TAB_AS_INDENT)", () => {
    const content = broken("dev-e-controle.md", "  - Python/Django", "\t- Python/Django");
    expect(syntaxErrors(content)).toEqual([[7, 1, `Tabulation en début de ligne${N}: en YAML, on décale avec des espaces.`]]);
  });

  it("an unclosed [ list (BAD_INDENT): reported at the [", () => {
    const content = broken(
      "dev-e-controle.md",
      "techno:\n  - Javascript ES5/ES6\n  - VueJS ou React\n  - Python/Django\n",
      "techno: [Javascript, VueJS, Python\n",
    );
    expect(syntaxErrors(content)).toEqual([
      [4, 9, `Le \`[\` ouvert ici n'est pas fermé${N}: ajoutez \`]\` à la fin, ou mettez toute la valeur entre guillemets.`],
    ]);
  });

  it("text after a [ ] list (UNEXPECTED_TOKEN)", () => {
    const content = broken(
      "aidantsconnect-cd.md",
      "roles: deux chargé(e)s de déploiement",
      "roles: [Aidants Connect] deux chargé(e)s de déploiement",
    );
    expect(syntaxErrors(content)).toEqual([
      [2, 24, `Du texte suit le \`]\` qui ferme la liste${N}: mettez toute la valeur entre guillemets (\`"…"\`).`],
    ]);
  });

  it("a value in Markdown emphasis, *like this* (an alias to no anchor)", () => {
    const content = broken("aidantsconnect-cd.md", "roles: deux chargé(e)s de déploiement", "roles: *deux* chargé(e)s de déploiement");
    expect(syntaxErrors(content)).toEqual([[2, 8, `Une valeur ne peut pas commencer par \`*\`${N}: mettez-la entre guillemets.`]]);
  });

  it("a value starting with @, % or a backquote (BAD_SCALAR_START)", () => {
    const at = broken("franceconnect-dev.md", "friend: FranceConnect", "friend: @FranceConnect");
    expect(syntaxErrors(at)).toEqual([[3, 9, `Une valeur ne peut pas commencer par \`@\`${N}: mettez-la entre guillemets.`]]);
    const tick = broken("franceconnect-dev.md", "friend: FranceConnect", "friend: `FranceConnect`");
    expect(syntaxErrors(tick)).toEqual([[3, 9, `Une valeur ne peut pas commencer par \`\` \` \`\`${N}: mettez-la entre guillemets.`]]);
  });

  it("a backslash in double quotes (BAD_DQ_ESCAPE)", () => {
    const content = broken("aidantsconnect-cd.md", "recrute : deux chargé(e)s", "recrute\\: deux chargé(e)s");
    expect(syntaxErrors(content)).toEqual([
      [
        3,
        26,
        `Entre guillemets doubles, \`\\\` annonce un caractère spécial, et \`\\:\` n'en est pas un. Écrivez \`\\\\\`, ou mettez la valeur entre guillemets simples.`,
      ],
    ]);
  });

  it("a # right after a quoted value (MISSING_CHAR)", () => {
    const content = broken("franceconnect-dev.md", "type: 'friend'", "type: 'friend'#partenaire");
    expect(syntaxErrors(content)).toEqual([
      [4, 15, "Un commentaire `#` doit suivre une espace. Si `#` fait partie de la valeur, mettez toute la valeur entre guillemets."],
    ]);
  });

  it("text on the line of | (UNEXPECTED_TOKEN)", () => {
    const content = broken(
      "commun-orientation.md",
      "roles: Commun Orientation recrute  Une ou un chargé de déploiement / Business\n  developer !",
      "roles: | Commun Orientation recrute\n  Une ou un chargé de déploiement / Business developer !",
    );
    expect(syntaxErrors(content)).toEqual([[2, 10, "Après `|` ou `>`, le texte commence à la ligne suivante, décalé de deux espaces."]]);
  });

  it("any other error: the generic French text, the library's English text in parentheses", () => {
    const content = broken("aidantsconnect-cd.md", "roles: deux chargé(e)s de déploiement", "roles: &a &b deux chargé(e)s de déploiement");
    expect(syntaxErrors(content)).toEqual([
      [
        2,
        11,
        "L'en-tête n'est pas du YAML valide ici. Vérifiez les guillemets, les `:` et l'alignement des lignes. (A node can have at most one anchor)",
      ],
    ]);
  });

  it("the English text says the same", () => {
    const content = broken("franceconnect-dev.md", "\nopen: true\n", "\nopen:true\n");
    const [d] = checkPosting({ path: "content/_jobs/2021-01-01-offre.md", content }, defaultCheckOptions()).diagnostics.filter(
      (x) => x.rule === "front-matter-syntax",
    );
    expect(tDynamic("en", d!.messageId, d!.params)).toBe("A space is missing after the `:`: write `open: true`.");
  });
});
