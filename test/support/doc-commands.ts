/**
 * The shell commands of a Markdown file, as a reader would paste them from its fenced `sh` blocks,
 * and the shell operators in a command that are outside quotes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface DocCommand {
  file: string;
  line: number;
  command: string;
}

/** The commands of the fenced sh blocks of a Markdown file: comments dropped, continued lines joined. */
export function commandsIn(root: string, file: string): DocCommand[] {
  const lines = readFileSync(path.join(root, file), "utf8").split("\n");
  const commands: DocCommand[] = [];
  let inShell = false;
  let pending: DocCommand | undefined;
  for (const [index, raw] of lines.entries()) {
    const fence = /^\s*```(\w*)/.exec(raw);
    if (fence) {
      inShell = !inShell && ["sh", "bash", "shell"].includes(fence[1] ?? "");
      continue;
    }
    if (!inShell) continue;
    const text = withoutComment(raw).trim();
    if (!text) continue;
    const continued = text.endsWith("\\");
    const part = continued ? text.slice(0, -1).trim() : text;
    pending = pending
      ? { ...pending, command: `${pending.command} ${part}` }
      : { file, line: index + 1, command: part };
    if (!continued) {
      commands.push(pending);
      pending = undefined;
    }
  }
  return commands;
}

/** The line without a trailing `# comment` (a `#` outside quotes, after a blank or at the start). */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (quote) {
      if (character === quote) quote = undefined;
      else if (character === "\\" && quote === '"') index++;
    } else if (character === "\\") index++;
    else if (character === "'" || character === '"') quote = character;
    else if (character === "#" && (index === 0 || /\s/.test(line[index - 1] ?? ""))) return line.slice(0, index);
  }
  return line;
}

/** Shell operators outside quotes: what would make the shell pipe, chain, redirect or substitute. */
export function unquotedOperators(command: string): string[] {
  const found: string[] = [];
  let quote: string | undefined;
  for (let index = 0; index < command.length; index++) {
    const character = command[index] ?? "";
    if (quote) {
      if (character === quote) quote = undefined;
      else if (character === "\\" && quote === '"') index++;
      else if (quote === '"' && (character === "`" || command.startsWith("$(", index))) found.push(character);
      continue;
    }
    if (character === "\\") index++;
    else if (character === "'" || character === '"') quote = character;
    else if (command.startsWith("&&", index)) index++;
    else if ("|;&<>`".includes(character) || command.startsWith("$(", index)) found.push(character);
  }
  return found;
}
