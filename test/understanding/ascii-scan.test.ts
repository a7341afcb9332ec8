import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/pipeline/classifier/logistic.js";
import { ASCII_TOKEN_SOURCE, nextAsciiMatch } from "../../src/pipeline/text/ascii-scan.js";

function byRegex(text: string): string[] {
  const re = new RegExp(ASCII_TOKEN_SOURCE, "g");
  const out: string[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let group = 1;
    while (group < 5 && m[group] === undefined) group++;
    out.push(`${m[0]}/${group}`);
  }
  return out;
}

function byScanner(text: string): string[] {
  const out: string[] = [];
  for (let m = nextAsciiMatch(text, 0); m !== undefined; m = nextAsciiMatch(text, m.end))
    out.push(`${text.slice(m.start, m.end)}/${m.group}`);
  return out;
}

describe("the ASCII token scanner", () => {
  it.each([
    ["I'm sad at 5pm, 10:30 pm or 7:45", ["I/4", "m/4", "sad/4", "at/4", "5pm/1", ",/5", "10:30 pm/1", "or/4", "7:45/2"]],
    ["123pm 5amazing 12:3 1:234 9 am!!", ["123pm/4", "5amazing/4", "12/4", ":/5", "3/4", "1:23/2", "4/4", "9 am/1", "!!/5"]],
    ["5PM\u0000\u0000x_y", ["5PM/4", "\u0000\u0000/3", "x/4", "y/4"]],
  ])("reads %j as the regex does", (text, tokens) => {
    expect(byScanner(text)).toEqual(tokens);
    expect(byRegex(text)).toEqual(tokens);
  });

  it("matches the regex on random text built from the characters that matter", () => {
    const random = seededRandom(7);
    const alphabet = ["0", "1", "9", ":", " ", "\t", "a", "m", "p", "A", "M", "_", "x", ".", "!", "?", "\u0000", "-", "'"];
    for (let i = 0; i < 50_000; i++) {
      let text = "";
      const length = Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(byScanner(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
