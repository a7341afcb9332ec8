import { runCli } from "./run-cli.js";

// The process entry: the only place that sets the exit status.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
