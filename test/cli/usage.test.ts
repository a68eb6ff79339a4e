import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands/index.js";
import { t } from "../../src/messages/index.js";
import { runCli } from "./helpers.js";

describe("recrutement-bot: usage, help, exit code 2", () => {
  it("lists every registered command in the global help, in French by default", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Utilisation\u202F: recrutement-bot <commande> [options]");
    for (const c of commands) expect(r.stdout).toContain(`  ${c.name}`);
    expect(r.stdout).toContain("check   vérifie des offres d'emploi");
    expect(r.stdout).toContain("schema  affiche le schéma JSON");
  });

  it("shows the global help in English with --lang en, before or after --help", async () => {
    for (const args of [
      ["--lang", "en", "--help"],
      ["--help", "--lang=en"],
      ["-h", "--lang", "en"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Usage: recrutement-bot <command> [options]");
      expect(r.stdout).toContain("check   check job postings");
    }
  });

  it("gives each command its own --help (also as `help <command>` and `--help <command>`)", async () => {
    const expected = `${t("fr", "cli-check-help")}\n`;
    for (const args of [
      ["check", "--help"],
      ["check", "-h"],
      ["help", "check"],
      ["--help", "check"],
    ]) {
      const r = await runCli(args);
      expect(r).toEqual({ code: 0, stdout: expected, stderr: "" });
    }
    expect((await runCli(["check", "--help", "--lang", "en"])).stdout).toBe(`${t("en", "cli-check-help")}\n`);
    expect((await runCli(["schema", "--help"])).stdout).toBe(`${t("fr", "cli-schema-help")}\n`);
    expect((await runCli(["--lang", "en", "schema", "--help"])).stdout).toBe(`${t("en", "cli-schema-help")}\n`);
  });

  it("prints the package version", async () => {
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("exits 2 with the usage when the command is missing", async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Commande manquante\.\n\nUtilisation\u202F: recrutement-bot/);
  });

  it("exits 2 on an unknown command, pointing to the help", async () => {
    const r = await runCli(["chek"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "Commande inconnue\u202F: chek\nVoir «\u202Frecrutement-bot --help\u202F».\n" });
  });

  it("exits 2 on an unknown option, globally and per command, in the asked language", async () => {
    expect(await runCli(["check", "--fromat", "json"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "Option inconnue\u202F: --fromat\nVoir «\u202Frecrutement-bot check --help\u202F».\n",
    });
    expect(await runCli(["check", "-x", "--lang", "en"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "Unknown option: -x\nSee “recrutement-bot check --help”.\n",
    });
    expect(await runCli(["--verbose", "check"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "Option inconnue\u202F: --verbose\nVoir «\u202Frecrutement-bot --help\u202F».\n",
    });
    expect((await runCli(["schema", "--force"])).stderr).toBe(
      "Option inconnue\u202F: --force\nVoir «\u202Frecrutement-bot schema --help\u202F».\n",
    );
  });

  it("exits 2 on a missing or superfluous option value and on a stray argument", async () => {
    expect((await runCli(["check", "--format"])).stderr).toBe(
      "L'option --format attend une valeur.\nVoir «\u202Frecrutement-bot check --help\u202F».\n",
    );
    expect((await runCli(["check", "--format", "--new"])).stderr).toBe(
      "L'option --format attend une valeur.\nVoir «\u202Frecrutement-bot check --help\u202F».\n",
    );
    expect((await runCli(["check", "--new=yes"])).stderr).toBe(
      "L'option --new ne prend pas de valeur.\nVoir «\u202Frecrutement-bot check --help\u202F».\n",
    );
    expect((await runCli(["schema", "extra"])).stderr).toBe(
      "Argument inattendu\u202F: extra\nVoir «\u202Frecrutement-bot schema --help\u202F».\n",
    );
    expect((await runCli(["schema", "extra"])).code).toBe(2);
  });

  it("exits 2 on an unknown format or language", async () => {
    expect(await runCli(["check", "--format", "xml"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "Valeur invalide pour --format\u202F: xml (valeurs possibles\u202F: text, json, github)\nVoir «\u202Frecrutement-bot check --help\u202F».\n",
    });
    expect(await runCli(["check", "--lang", "de"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "Valeur invalide pour --lang\u202F: de (valeurs possibles\u202F: fr, en)\nVoir «\u202Frecrutement-bot check --help\u202F».\n",
    });
    expect((await runCli(["--lang", "de", "check"])).code).toBe(2);
  });
});
