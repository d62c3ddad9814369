import { execFile } from "node:child_process";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH } from "../users/password-rule";
import { chooseLanguage } from "./messages";
import { buildProgram } from "./program";

/**
 * `npm run cli -- --help` as an operator reads it: in Vietnamese unless `--lang en` asks
 * otherwise, commander's own words (headings, the help option, its errors) included. The help
 * needs no database; each run is a process of its own, as on a terminal.
 */

type Run = { code: number; stdout: string; stderr: string };

/** Commander wraps descriptions at 80 columns: what it prints, with every run of spaces and line breaks as one space. */
function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "server/cli/main.ts", ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout: stdout.replace(/\s+/g, " "),
          stderr: stderr.replace(/\s+/g, " "),
        }),
    );
  });
}

/** Every text of a command's help and its subcommands' as [where, text], in the language chosen. */
function helpTexts(command: Command, at = "chungtay"): [string, string][] {
  return [
    [at, command.description()],
    ...command.options.map((option): [string, string] => [`${at} ${option.flags}`, option.description]),
    ...command.registeredArguments.map((argument): [string, string] => [
      `${at} <${argument.name()}>`,
      argument.description,
    ]),
    ...command.commands.flatMap((sub) => helpTexts(sub, `${at} ${sub.name()}`)),
  ];
}

describe("the command line's help", () => {
  it("is Vietnamese by default, for the whole program and for a command", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("Cách dùng: chungtay [options] [command]");
    expect(top.stdout).toContain("Tạo tài khoản, đặt lại mật khẩu, vô hiệu hóa tài khoản (chỉ quản trị viên)");
    expect(top.stdout).toContain("-h, --help hiện trợ giúp của lệnh");
    expect(top.stdout).toContain("Tùy chọn:");
    expect(top.stdout).toContain("Lệnh:");
    expect(top.stdout).not.toMatch(/Usage|Options|Commands|display help|Create accounts/);

    const create = await cli(["user", "create", "--help"]);
    expect(create.code).toBe(0);
    expect(create.stdout).toContain("Tạo tài khoản với một vai trò tại một đơn vị");
    expect(create.stdout).toContain(`ít nhất ${PASSWORD_MIN_LENGTH} ký tự`);
    expect(create.stdout).toContain("lệnh này tạo quản trị viên đầu tiên (--role admin)");
    expect(create.stdout).not.toMatch(/Usage|Options|sign-in email|first admin/);
  }, 60_000);

  it("is English with --lang en, before or after the command", async () => {
    const top = await cli(["--lang", "en", "--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("Usage: chungtay [options] [command]");
    expect(top.stdout).toContain("Create accounts, reset passwords, disable accounts (admins only)");
    expect(top.stdout).toContain("--lang <language>");
    expect(top.stdout).not.toContain("Tạo tài khoản");

    const create = await cli(["user", "create", "--help", "--lang=en"]);
    expect(create.code).toBe(0);
    expect(create.stdout).toContain("Create an account holding one role at one unit");
    expect(create.stdout).toContain(`at least ${PASSWORD_MIN_LENGTH} characters, letters and digits`);
    expect(create.stdout).not.toMatch(/Cách dùng|Tạo tài khoản/);
  }, 60_000);

  it("says a mistake in the chosen language, then the command's help", async () => {
    const missing = await cli(["user", "create", "--email", "a@thunghiem.gov.vn"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("lỗi: thiếu tùy chọn bắt buộc “--name <name>”");
    expect(missing.stderr).toContain("Cách dùng: chungtay user create [options]");

    const misspelt = await cli(["--lang", "en", "user", "creat"]);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toContain("error: unknown command “creat” (Did you mean create?)");
  }, 60_000);

  it("has every description in the catalogue: none reads the same in Vietnamese and English", () => {
    chooseLanguage(["--lang", "vi"]);
    const vietnamese = helpTexts(buildProgram());
    chooseLanguage(["--lang", "en"]);
    const english = helpTexts(buildProgram());
    expect(vietnamese.map(([at]) => at)).toEqual(english.map(([at]) => at));
    const same = vietnamese.filter(([, text], i) => text === english[i]![1]).map(([at]) => at);
    expect(same).toEqual([]);
    // And no message is missing: a missing key would come out as the key itself.
    expect(vietnamese.filter(([, text]) => !text || text.startsWith("cli."))).toEqual([]);
  });
});
