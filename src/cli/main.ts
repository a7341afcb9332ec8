import { runCli } from "./run-cli.js";
import { stdoutIsTerminal, writeFd } from "./stdio.js";

// The process entry: the only place that sets the exit status.
void runCli(process.argv.slice(2), {
  stdout: (text) => writeFd(1, text),
  stderr: (text) => writeFd(2, text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: stdoutIsTerminal(),
}).then((code) => {
  process.exitCode = code;
});
